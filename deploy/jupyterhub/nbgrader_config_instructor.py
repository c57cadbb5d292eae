"""nbgrader for the instructor: the exchange, and a collect that takes only genuine submissions.

Install it as ~INSTRUCTOR/.jupyter/nbgrader_config.py (deploy/jupyterhub/setup.sh does); the
course folder's own nbgrader_config.py (the repository root's) adds the course's settings.

Why the stricter collect: in nbgrader's exchange every student may write into inbound/, and
`nbgrader submit --student OTHER` files a submission under another student's name; nbgrader's
collect takes the newest folder per name and only warns when its owner differs. Here a
folder counts only if it, and everything in it, belongs to the Unix user it names.
"""

import os
import pwd

from nbgrader.exchange.default.collect import ExchangeCollect

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "dl-first-principles"
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")


def owned_by(path: str, user: str) -> bool:
    """Do `path` and every file and folder under it belong to the Unix user `user`?"""
    try:
        uid = pwd.getpwnam(user).pw_uid
    except KeyError:
        return False
    paths = [path] + [os.path.join(d, n) for d, dirs, files in os.walk(path) for n in dirs + files]
    return all(os.lstat(p).st_uid == uid for p in paths)


class OwnerCheckedCollect(ExchangeCollect):
    """nbgrader's collect, skipping any submission not entirely owned by the student it names."""

    def _path_to_record(self, path):
        record = super()._path_to_record(path)
        record["genuine"] = owned_by(path, record["username"])
        if not record["genuine"]:   # never the newest: a forged folder cannot hide the real one
            self.log.warning("Skipping %s: not owned by %s (forged or tampered with)",
                             record["filename"], record["username"])
            record["timestamp"] = record["timestamp"].replace(year=1)
        return record

    def copy_files(self):
        for rec in self.src_records:
            if not rec["genuine"]:
                self.log.warning("%s has no genuine submission", rec["username"])
        self.src_records = [r for r in self.src_records if r["genuine"]]
        super().copy_files()


c.ExchangeFactory.collect = OwnerCheckedCollect

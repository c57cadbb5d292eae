"""JupyterHub for a class on one machine: Unix users log in with their password (PAM), each
gets a JupyterLab server of their own (local processes), and nbgrader's exchange is a shared
folder. Students' servers run from the students' environment (the course's student release),
instructors' from the instructor's (the full course, with nbgrader's formgrader).

Start it as root from a folder where it may keep its state (jupyterhub.sqlite, cookie secret):
    jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
Every setting below can be overridden by the COURSE_HUB_* environment variable next to it
(the test suite does, to run a throwaway hub). See docs/jupyterhub.md.
"""

import grp
import os

env = os.environ.get
PREFIX = env("COURSE_HUB_PREFIX", "/opt/course-hub")                 # .ci/hub-setup.sh installs here
STUDENT_ENV = env("COURSE_HUB_STUDENT_ENV", f"{PREFIX}/student")       # venv: student release + jupyterhub
INSTRUCTOR_ENV = env("COURSE_HUB_INSTRUCTOR_ENV", f"{PREFIX}/instructor")  # venv: the full course
STUDENTS = env("COURSE_HUB_STUDENTS_GROUP", "course-students")
INSTRUCTORS = env("COURSE_HUB_INSTRUCTORS_GROUP", "course-instructors")
EXCHANGE = env("COURSE_HUB_EXCHANGE", "/srv/nbgrader/exchange")

c = get_config()  # noqa: F821 - provided by JupyterHub

# Where the hub listens (the public URL), its API for the servers, and the proxy's API.
c.JupyterHub.bind_url = env("COURSE_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = env("COURSE_HUB_API_URL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = env("COURSE_HUB_PROXY_API_URL", "http://127.0.0.1:8001")
c.ConfigurableHTTPProxy.command = [
    env("COURSE_HUB_PROXY", f"{PREFIX}/chp/node_modules/.bin/configurable-http-proxy")]

# Logins: Unix accounts and their passwords, members of the class's two groups only.
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {STUDENTS, INSTRUCTORS}
c.PAMAuthenticator.open_sessions = False   # no systemd/logind session per login

# One server per user, started as that user, in their home folder, JupyterLab first.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.http_timeout = 60
c.Spawner.environment = {"NBGRADER_EXCHANGE": EXCHANGE}


def is_instructor(name: str) -> bool:
    return name in grp.getgrnam(INSTRUCTORS).gr_mem


def choose_environment(spawner) -> None:
    """Instructors run the full course (formgrader); students the student release."""
    venv = INSTRUCTOR_ENV if is_instructor(spawner.user.name) else STUDENT_ENV
    spawner.cmd = [f"{venv}/bin/jupyterhub-singleuser"]
    spawner.environment = {**spawner.environment, "PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin"}


c.Spawner.pre_spawn_hook = choose_environment

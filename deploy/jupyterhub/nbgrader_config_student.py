"""nbgrader for students: where the exchange is and which course they take.

Install it as <students' venv>/etc/jupyter/nbgrader_config.py (deploy/jupyterhub/envs.sh does):
it applies to every student's server and terminal, and students cannot change it.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "dl-first-principles"
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")

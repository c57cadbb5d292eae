#!/usr/bin/env bash
# Build the two Python environments the hub's servers run from (run as root).
#
# usage: deploy/jupyterhub/envs.sh student    VENV RELEASE_DIR  # RELEASE_DIR: from `course release`
#        deploy/jupyterhub/envs.sh instructor VENV COURSE_DIR   # COURSE_DIR: the full course (git clone)
# Both get jupyterhub (for jupyterhub-singleuser) at the hub's version ($JUPYTERHUB_VERSION, else
# what the hub in $COURSE_HUB_PREFIX/hub has). The venvs use the system Python (/usr/bin/python3)
# so that every user can run them; they are readable by all and writable by root only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
role="$1"; venv="$2"; src="$3"
prefix="${COURSE_HUB_PREFIX:-/opt/course-hub}"
version="${JUPYTERHUB_VERSION:-$("$prefix/hub/bin/jupyterhub" --version)}"
python="${COURSE_HUB_PYTHON:-/usr/bin/python3}"
# offline from the wheelhouse .ci/hub-setup.sh fills, when there is one (much faster)
pip=("$venv/bin/pip" install -q)
if [ -d "$prefix/wheels" ]; then pip+=(--no-index --find-links "$prefix/wheels"); fi

"$python" -m venv "$venv"
case "$role" in
    student)
        "${pip[@]}" "$src" "jupyterhub==$version"
        # students get the Assignments tab only: no formgrader, course list or create-assignment
        for ext in formgrader course-list create-assignment; do
            "$venv/bin/jupyter" labextension disable --level=sys_prefix "@jupyter/nbgrader:$ext"
        done
        for ext in formgrader course_list; do
            "$venv/bin/jupyter" server extension disable --sys-prefix "nbgrader.server_extensions.$ext"
        done
        install -d -m 755 "$venv/etc/jupyter" "$venv/share/jupyter/lab/settings"
        # no news or update pop-ups in a class
        echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
            > "$venv/share/jupyter/lab/settings/overrides.json"
        install -m 644 "$here/nbgrader_config_student.py" "$venv/etc/jupyter/nbgrader_config.py"
        ;;
    instructor)
        # editable: the course commands find solutions/ and the catalogue in COURSE_DIR
        "${pip[@]}" -e "$src" "jupyterhub==$version"
        ;;
    *) echo "usage: $0 student|instructor VENV DIR" >&2; exit 2 ;;
esac
# terminals start a plain bash, not a login shell, so that /etc/profile does not
# reset PATH: `course check` and `nbgrader` work there as in the notebook
"$venv/bin/python" - "$venv/etc/jupyter/jupyter_server_config.json" <<'PY'
import json, pathlib, sys
path = pathlib.Path(sys.argv[1])
config = json.loads(path.read_text()) if path.exists() else {}
config.setdefault("ServerApp", {})["terminado_settings"] = {"shell_command": ["/bin/bash"]}
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text(json.dumps(config, indent=2))
PY
chmod -R go-w "$venv"

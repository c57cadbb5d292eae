#!/usr/bin/env bash
# Create the class's Unix users and nbgrader's exchange folder (run as root).
#
# usage: deploy/jupyterhub/setup.sh USERS_FILE [EXCHANGE]
#   USERS_FILE: one user a line, "student NAME PASSWORD" or "instructor NAME PASSWORD"
#   EXCHANGE:   nbgrader's exchange root (default: $COURSE_HUB_EXCHANGE or /srv/nbgrader/exchange)
# Groups: $COURSE_HUB_STUDENTS_GROUP (course-students), $COURSE_HUB_INSTRUCTORS_GROUP
# (course-instructors); the hub lets only their members log in.
# Remove a user with `userdel -r NAME` (their home goes with them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
users="$1"
exchange="${2:-${COURSE_HUB_EXCHANGE:-/srv/nbgrader/exchange}}"
students="${COURSE_HUB_STUDENTS_GROUP:-course-students}"
instructors="${COURSE_HUB_INSTRUCTORS_GROUP:-course-instructors}"

for g in "$students" "$instructors"; do getent group "$g" >/dev/null || groupadd "$g"; done

while read -r role name password; do
    [ -z "${role:-}" ] && continue
    case "$role" in
        student) group="$students" ;;
        instructor) group="$instructors" ;;
        *) echo "unknown role '$role' for $name (student or instructor)" >&2; exit 2 ;;
    esac
    id "$name" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash --groups "$group" "$name"
    echo "$name:$password" | chpasswd
    # a home is private: no other student reads it (Debian's useradd may make it 0755)
    chmod 700 "/home/$name"
    if [ "$role" = instructor ]; then
        install -d -o "$name" -g "$name" -m 700 "/home/$name/.jupyter"
        install -o "$name" -g "$name" -m 600 "$here/nbgrader_config_instructor.py" \
            "/home/$name/.jupyter/nbgrader_config.py"
    fi
done < "$users"

# nbgrader's exchange: its docs ask for a folder everyone may write to (`chmod ugo+rw`; its
# release_assignment sets 0777). The sticky bit (as on /tmp) adds that only a folder's owner
# may rename or delete it, so no student can move the instructor's course folder aside.
# nbgrader itself makes the course's outbound/ 0755, inbound/ 0733 (write, no listing) and
# feedback/ 0711 at the first release_assignment / release_feedback.
mkdir -p "$exchange"
chmod 1777 "$exchange"

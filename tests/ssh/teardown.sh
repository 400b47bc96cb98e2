#!/usr/bin/env bash
# Stops the test sshd started by setup.sh and removes its user and files.
set -u
env_file=${1:?usage: teardown.sh ENV-FILE}
# shellcheck disable=SC1090
. "$env_file"
[ -f "$BOUSSOLE_SSH_WORK/sshd.pid" ] && kill "$(cat "$BOUSSOLE_SSH_WORK/sshd.pid")" 2>/dev/null
pkill -u "$BOUSSOLE_SSH_USER" 2>/dev/null
userdel --remove "$BOUSSOLE_SSH_USER" 2>/dev/null
rm -rf "$BOUSSOLE_SSH_WORK"
exit 0

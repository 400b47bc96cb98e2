#!/usr/bin/env bash
# Stops what tests/haproxy/setup.sh started and removes it: HAProxy, both
# hosts' processes and namespaces (their veths go with them), the account.
set -u
env_file=${1:?usage: teardown.sh ENV-FILE}
[ -f "$env_file" ] || exit 0   # already torn down
# shellcheck disable=SC1090
. "$env_file"
work=$BOUSSOLE_LB_WORK
[ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null
for host in $BOUSSOLE_LB_HOSTS; do
  ns=bt-$host
  if ip netns list | grep -qw "$ns"; then
    # Every process of that host, by id.
    pids=$(ip netns pids "$ns")
    [ -n "$pids" ] && kill $pids 2>/dev/null
    sleep 0.2
    pids=$(ip netns pids "$ns")
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null
    ip netns del "$ns"
  fi
done
userdel --remove "$BOUSSOLE_LB_USER" 2>/dev/null
rm -rf "$work"
exit 0

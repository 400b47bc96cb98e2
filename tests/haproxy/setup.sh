#!/usr/bin/env bash
# Two kiosk hosts behind HAProxy, on this machine only, for tests/haproxy.rs.
# Needs root and the installed Debian package (/usr/bin/boussole and its
# example sshd drop-in).
#
# - hosts "borne-a" and "borne-b" are network namespaces (bt-borne-a,
#   bt-borne-b), each joined to this machine by a veth pair on its own /30 of
#   10.200.0.0/16 (10.200.1.0/30, 10.200.2.0/30): those addresses exist only on
#   these veths. Each runs its own sshd on port 22 of its address, configured
#   with the package's /usr/share/doc/boussole/examples/sshd-kiosque.conf as a
#   drop-in (only the account's name changed), and its own home directory for
#   the kiosk account (a bind mount seen only by that host's processes);
# - HAProxy listens on 127.0.0.1 (TCP mode, leastconn, SSH banner checks) in
#   front of both, as docs/deploiement.md describes.
#
#   tests/haproxy/setup.sh        -> prints the path of an env file to source
#   tests/haproxy/teardown.sh ENV -> stops everything and removes it
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "tests/haproxy/setup.sh: must run as root" >&2
  exit 1
fi
dropin=/usr/share/doc/boussole/examples/sshd-kiosque.conf
if [ ! -x /usr/bin/boussole ] || [ ! -f "$dropin" ]; then
  echo "tests/haproxy/setup.sh: install the boussole package first" >&2
  exit 1
fi
need=()
[ -x /usr/sbin/haproxy ] || need+=(haproxy)
{ [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null; } || need+=(openssh-server openssh-client)
command -v ip >/dev/null || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

work=$(mktemp -d /tmp/boussole-lb.XXXXXX)
chmod 755 "$work"
user=boussole-lb
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
usermod -p '*' "$user"
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")
ssh-keygen -q -t ed25519 -N '' -f "$work/clientkey"
mkdir -p /run/sshd

# A free port on loopback for HAProxy.
port=
for p in $(seq 22330 22430); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port" >&2; exit 1; }

# Written before anything starts, so that teardown can undo a half set-up.
cat > "$work/env" <<ENV
export BOUSSOLE_LB_PORT=$port
export BOUSSOLE_LB_USER=$user
export BOUSSOLE_LB_UID=$uid
export BOUSSOLE_LB_KEY=$work/clientkey
export BOUSSOLE_LB_WORK=$work
export BOUSSOLE_LB_HOSTS="borne-a borne-b"
ENV

n=0
for host in borne-a borne-b; do
  n=$((n + 1))
  ns=bt-$host
  dir=$work/$host
  mkdir -p "$dir/home/.ssh"
  install -m 600 "$work/clientkey.pub" "$dir/home/.ssh/authorized_keys"
  chown -R "$user:" "$dir/home"
  chmod 700 "$dir/home" "$dir/home/.ssh"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/hostkey"

  ip netns add "$ns"
  ip link add "bt-$n-out" type veth peer name "bt-$n-in"
  ip link set "bt-$n-in" netns "$ns"
  ip addr add "10.200.$n.1/30" dev "bt-$n-out"
  ip link set "bt-$n-out" up
  ip netns exec "$ns" ip addr add "10.200.$n.2/30" dev "bt-$n-in"
  ip netns exec "$ns" ip link set "bt-$n-in" up
  ip netns exec "$ns" ip link set lo up

  # The package's drop-in, for this test's account.
  sed "s/^Match User boussole\$/Match User $user/" "$dropin" > "$dir/sshd-kiosque.conf"
  grep -q "^Match User $user\$" "$dir/sshd-kiosque.conf"
  cat > "$dir/sshd_config" <<CONF
Include $dir/sshd-kiosque.conf
Port 22
ListenAddress 10.200.$n.2
HostKey $dir/hostkey
PidFile $dir/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
CONF
  /usr/sbin/sshd -t -f "$dir/sshd_config"
  # Its own mount namespace: the kiosk account's home on this host is $dir/home.
  ip netns exec "$ns" unshare --mount --propagation private sh -c \
    "mount --bind '$dir/home' '$home' && exec /usr/sbin/sshd -f '$dir/sshd_config' -E '$dir/sshd.log'"
  echo "export BOUSSOLE_LB_HOME_${n}=$dir/home" >> "$work/env"
done

cat > "$work/haproxy.cfg" <<CONF
global
    maxconn 200
    stats socket $work/haproxy.sock mode 600 level admin

defaults
    mode tcp
    log global
    timeout connect 2s
    timeout client 30m
    timeout server 30m
    timeout check 2s
    retries 2
    option redispatch 1

frontend kiosque
    bind 127.0.0.1:$port
    default_backend bornes

backend bornes
    balance leastconn
    option tcp-check
    tcp-check expect rstring ^SSH-2\.0-
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
    server borne-a 10.200.1.2:22 check
    server borne-b 10.200.2.2:22 check
CONF
haproxy -c -q -f "$work/haproxy.cfg"
haproxy -D -p "$work/haproxy.pid" -f "$work/haproxy.cfg"

# Wait (at most 10 s) until both sshd answer on their addresses; the test
# then waits for HAProxy to see both up (its stats socket).
for n in 1 2; do
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/10.200.$n.2/22") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/10.200.$n.2/22") 2>/dev/null || { echo "sshd of host $n does not answer" >&2; exit 1; }
done
echo "$work/env"

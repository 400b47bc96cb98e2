#!/usr/bin/env bash
# Starts a throw-away OpenSSH server on 127.0.0.1 that serves Boussole with the
# kiosk block of docs/kiosque-ssh.md, for tests/ssh.rs. Needs root.
#
#   tests/ssh/setup.sh BINARY   -> prints the path of an env file to source
#   tests/ssh/teardown.sh ENV   -> stops the server and removes the test user
set -euo pipefail
bin=${1:?usage: setup.sh PATH-TO-BOUSSOLE}

if [ "$(id -u)" -ne 0 ]; then
  echo "tests/ssh/setup.sh: must run as root" >&2
  exit 1
fi
if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client >&2
fi

work=$(mktemp -d /tmp/boussole-ssh.XXXXXX)
chmod 755 "$work"
install -m 0755 "$bin" "$work/boussole"

user=boussole-test
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
# No password, but not a locked account (sshd without PAM refuses locked ones).
usermod -p '*' "$user"
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")
ssh-keygen -q -t ed25519 -N '' -f "$work/hostkey"
ssh-keygen -q -t ed25519 -N '' -f "$work/clientkey"
install -d -m 700 -o "$user" "$home/.ssh"
install -m 600 -o "$user" "$work/clientkey.pub" "$home/.ssh/authorized_keys"

# A free port on loopback.
port=
for p in $(seq 22220 22320); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port" >&2; exit 1; }

mkdir -p /run/sshd
cat > "$work/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $work/hostkey
PidFile $work/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
PerSourceMaxStartups 10
PermitUserEnvironment no

# The block documented in docs/kiosque-ssh.md.
Match User $user
    ForceCommand exec $work/boussole --kiosk --idle-exit
    DisableForwarding yes
    PermitTTY yes
    PermitUserRC no
    ClientAliveInterval 15
    ClientAliveCountMax 2
    MaxSessions 1
CONF
/usr/sbin/sshd -t -f "$work/sshd_config"
/usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log"

cat > "$work/env" <<ENV
export BOUSSOLE_SSH_PORT=$port
export BOUSSOLE_SSH_USER=$user
export BOUSSOLE_SSH_UID=$uid
export BOUSSOLE_SSH_HOME=$home
export BOUSSOLE_SSH_KEY=$work/clientkey
export BOUSSOLE_SSH_WORK=$work
ENV
echo "$work/env"

#!/usr/bin/env bash
# Hosts for trying `--runtime ssh` on one machine (root, Linux): COUNT network namespaces on a private
# bridge, each running its own sshd on port 22 of its own address, reachable from this machine with a
# key made here. Used by the ssh runtime's IT and for the acceptance run by hand:
#
#   scripts/sshd-hosts.sh up NAME COUNT CIDR   e.g. up man 8 10.214.0.0/24; prints the options to pass:
#                                              --hosts A,B,... --ssh-user root --ssh-key FILE
#   scripts/sshd-hosts.sh down NAME            stops the sshds, removes the namespaces, the link and the keys
#
# NAME (1-6 letters or digits) names everything: namespaces fs-NAME-sw and fs-NAME-hI, the root-namespace
# link fs-NAME-c, and the directory /tmp/faultline-sshd-NAME (keys, sshd configs and logs). CIDR is a
# range with room for COUNT+2 addresses in its last octet: the bridge takes the first host address, the
# hosts the next ones. Nothing else on the machine is touched. `up` runs `down` first.
set -euo pipefail

die() { echo "sshd-hosts: $*" >&2; exit 254; }
[ "$(id -u)" = 0 ] || die "needs root (network namespaces)"
for b in ip ssh ssh-keygen; do command -v "$b" >/dev/null || die "needs $b on the PATH"; done
[ -x /usr/sbin/sshd ] || die "needs /usr/sbin/sshd (Debian: apt-get install openssh-server)"

down() {
  local name=$1 dir=/tmp/faultline-sshd-$1
  if [ -d "$dir" ]; then
    for pidfile in "$dir"/sshd-*.pid; do
      [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
  fi
  for ns in $(ip netns list | awk '{print $1}' | grep "^fs-$name-" || true); do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns delete "$ns"
  done
  ip link delete "fs-$name-c" 2>/dev/null || true
  rm -rf "$dir"
}

up() {
  local name=$1 count=$2 cidr=$3
  [[ "$name" =~ ^[a-z0-9]{1,6}$ ]] || die "NAME is 1-6 lower-case letters or digits, was '$name'"
  [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] || die "COUNT is a number >= 1, was '$count'"
  [[ "$cidr" =~ ^([0-9]+\.[0-9]+\.[0-9]+)\.([0-9]+)/([0-9]+)$ ]] || die "CIDR is a.b.c.d/len, was '$cidr'"
  local net=${BASH_REMATCH[1]} first=${BASH_REMATCH[2]} len=${BASH_REMATCH[3]}
  [ "$len" -ge 24 ] && [ "$len" -le 30 ] || die "CIDR's length is 24..30, was $len"
  local size=$(( 1 << (32 - len) ))
  [ $((count + 3)) -le "$size" ] || die "$cidr has no room for $count hosts, a bridge, the network and broadcast addresses"
  down "$name"
  local dir=/tmp/faultline-sshd-$name sw=fs-$name-sw
  mkdir -p "$dir" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519" -C "faultline-sshd-$name"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
  cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
  ip netns add "$sw"
  ip -n "$sw" link set lo up
  ip -n "$sw" link add br0 type bridge
  ip -n "$sw" link set br0 up
  ip link add "fs-$name-c" type veth peer name c0 netns "$sw"
  ip -n "$sw" link set c0 master br0
  ip -n "$sw" link set c0 up
  ip addr add "$net.$((first + 1))/$len" dev "fs-$name-c"
  ip link set "fs-$name-c" up
  local hosts=()
  for i in $(seq 1 "$count"); do
    local ns=fs-$name-h$i addr=$net.$((first + 1 + i))
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$sw" link add "h$i" type veth peer name eth0 netns "$ns"
    ip -n "$sw" link set "h$i" master br0
    ip -n "$sw" link set "h$i" up
    ip -n "$ns" addr add "$addr/$len" dev eth0
    ip -n "$ns" link set eth0 up
    cat > "$dir/sshd-h$i.conf" <<CONF
ListenAddress $addr
Port 22
HostKey $dir/host_ed25519
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile $dir/sshd-h$i.pid
MaxSessions 100
MaxStartups 100
CONF
    ip netns exec "$ns" /usr/sbin/sshd -f "$dir/sshd-h$i.conf" -E "$dir/sshd-h$i.log"
    hosts+=("$addr")
  done
  local IFS=,
  echo "--hosts ${hosts[*]} --ssh-user root --ssh-key $dir/id_ed25519"
}

case "${1:-}" in
  up) [ $# = 4 ] || die "usage: $0 up NAME COUNT CIDR"; up "$2" "$3" "$4" ;;
  down) [ $# = 2 ] || die "usage: $0 down NAME"; down "$2" ;;
  *) die "usage: $0 up NAME COUNT CIDR | down NAME" ;;
esac

#!/usr/bin/env bash
# Installs what Faultline's test suite uses beyond Java and Maven, on a Debian machine as root:
# redis-server (the local runtime prefers it on PATH; without it the embedded-redis binary is used),
# chromium (the report tests open report.html headless; they are skipped without it), and iproute2,
# iptables and util-linux (the netns runtime: ip netns, veth, bridge, tc, iptables-restore, nsenter; its tests are skipped
# without them, and without root), and openssh-server and openssh-client (the ssh runtime's test runs sshd
# inside namespaces and reaches it with ssh; skipped without them).
# Safe to run again; does nothing that needs the network besides Debian's package mirror.
set -euo pipefail
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-test-deps: not root on Debian; skipping package installs (tests fall back or skip)" >&2
  exit 0
fi
need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
command -v ip >/dev/null && command -v tc >/dev/null || need+=(iproute2)
command -v iptables-restore >/dev/null || need+=(iptables)
command -v nsenter >/dev/null || need+=(util-linux)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
  # A freshly installed redis-server package may start a daemon of its own; the tests start their own.
  if [[ " ${need[*]} " == *" redis-server "* ]]; then
    service redis-server stop >/dev/null 2>&1 || true
  fi
  # Nor should a freshly installed sshd keep serving port 22 of the machine: the tests start their own in namespaces.
  if [[ " ${need[*]} " == *" openssh-server "* ]]; then
    service ssh stop >/dev/null 2>&1 || true
  fi
fi

#!/usr/bin/env bash
# Makes Docker usable for Faultline's `--runtime docker` on a machine without an image registry
# (CI here): installs the engine (Debian's docker.io) and busybox-static, starts dockerd in the
# background when it is not running (log: $FAULTLINE_DOCKERD_LOG, default /tmp/faultline-dockerd.log)
# and waits for it with a deadline, then builds two images locally with `docker import`:
#   faultline/redis:7.0   the machine's own /usr/bin/redis-server, the libraries ldd lists, busybox sh
#   faultline/busybox     busybox, for Testcontainers' "tiny image" (it runs `sh` in it)
# Idempotent: whatever is installed, running or built already is left as it is.
# Afterwards, use the images with (as .ci/run does):
#   export FAULTLINE_REDIS_IMAGE=faultline/redis:7.0
#   export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true
#   export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=faultline/busybox:latest
# Exits 0 with a note on stderr (and builds nothing) when it cannot get a running engine, e.g. not
# root on Debian: the docker tests are then skipped, with the reason, by the build itself.
set -euo pipefail

REDIS_IMAGE=faultline/redis:7.0
BUSYBOX_IMAGE=faultline/busybox:latest
DOCKERD_LOG=${FAULTLINE_DOCKERD_LOG:-/tmp/faultline-dockerd.log}
DOCKERD_WAIT_S=${FAULTLINE_DOCKERD_WAIT_S:-60}

note() { echo "local-images: $*" >&2; }

is_root_debian() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

install_packages() {
  local need=()
  command -v dockerd >/dev/null || need+=(docker.io)
  [ -x /bin/busybox ] || need+=(busybox-static)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ ${#need[@]} -eq 0 ] && return 0
  if ! is_root_debian; then
    note "missing ${need[*]} and not root on Debian: cannot install them"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
  # Packages may start daemons of their own; the tests start what they need.
  service redis-server stop >/dev/null 2>&1 || true
}

start_daemon() {
  docker info >/dev/null 2>&1 && return 0
  if ! command -v dockerd >/dev/null || [ "$(id -u)" != 0 ]; then
    note "no running Docker engine and cannot start one (dockerd missing or not root)"
    return 1
  fi
  if ! pgrep -x dockerd >/dev/null; then
    note "starting dockerd (log: $DOCKERD_LOG)"
    # setsid + nohup: the daemon outlives this script and the CI step that ran it.
    setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
  fi
  local deadline=$((SECONDS + DOCKERD_WAIT_S))
  until docker info >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      note "dockerd did not answer within ${DOCKERD_WAIT_S}s; the end of $DOCKERD_LOG:"
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Adds a busybox with its applets (sh, ls, ...) under $1/bin.
add_busybox() {
  mkdir -p "$1/bin"
  cp /bin/busybox "$1/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [ -e "$1/bin/$applet" ] || ln -s busybox "$1/bin/$applet"
  done
}

build_busybox() {
  image_exists "$BUSYBOX_IMAGE" && return 0
  local root; root=$(mktemp -d)
  add_busybox "$root"
  mkdir -p "$root/tmp" "$root/etc"
  tar -C "$root" -c . | docker import --change 'CMD ["sh"]' - "$BUSYBOX_IMAGE" >/dev/null
  rm -rf "$root"
  note "built $BUSYBOX_IMAGE"
}

build_redis() {
  image_exists "$REDIS_IMAGE" && return 0
  local bin=/usr/bin/redis-server root lib
  bin=$(readlink -f "$bin")
  root=$(mktemp -d)
  mkdir -p "$root/usr/bin" "$root/data" "$root/tmp" "$root/etc"
  cp "$bin" "$root/usr/bin/redis-server"
  # The dynamic loader and every library, at the paths ldd resolves them to.
  for lib in $(ldd "$bin" | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  add_busybox "$root"
  echo 'root:x:0:0:root:/data:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'WORKDIR /data' \
    --change 'EXPOSE 6379' \
    --change 'CMD ["redis-server"]' - "$REDIS_IMAGE" >/dev/null
  rm -rf "$root"
  note "built $REDIS_IMAGE from $bin"
}

if ! install_packages || ! start_daemon; then
  note "Docker is not usable here; the docker tests will be skipped"
  exit 0
fi
build_busybox
build_redis
note "ready: $(docker version --format 'engine {{.Server.Version}}'), images $REDIS_IMAGE and $BUSYBOX_IMAGE"

# Sourced by .ci/run and scripts/verify-under-load.sh: the settings the test suite runs with.
# Testcontainers without a registry: no reaper (we label and remove our own), no start-up checks, and
# a local image with `sh` instead of alpine. Settings already made by the caller win.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_CHECKS_DISABLE="${TESTCONTAINERS_CHECKS_DISABLE:-true}"
export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE="${TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE:-faultline/busybox:latest}"
export FAULTLINE_REDIS_IMAGE="${FAULTLINE_REDIS_IMAGE:-faultline/redis:7.0}"

#!/usr/bin/env bash
# Install Debian's docker.io (with containerd and runc) and start dockerd in
# the background, without systemd. Idempotent: does nothing if `docker info`
# already answers.
#
#   bash scripts/containers/install-docker.sh
#
# Env: DOCKERD_LOG (default /var/log/dockerd.log), DOCKERD_WAIT (seconds, default 30)
set -euo pipefail

log() { printf '[install-docker] %s\n' "$*"; }
die() { printf '[install-docker] ERROR: %s\n' "$*" >&2; exit 1; }

DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKERD_WAIT=${DOCKERD_WAIT:-30}

docker_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

if docker_answers; then
  log "docker already answers ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown')); nothing to do."
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (needs apt-get and dockerd)."

SUDO_APT=(env DEBIAN_FRONTEND=noninteractive apt-get -q)

if ! command -v dockerd >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "dockerd is missing and apt-get is not available."
  # apt-get update only if the package is unknown to the current lists.
  # (capture first: `grep -q` closing the pipe early would trip pipefail)
  policy=$(apt-cache policy docker.io 2>/dev/null || true)
  if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
    log "apt lists do not know docker.io; running apt-get update"
    "${SUDO_APT[@]}" update || die "apt-get update failed."
  fi
  log "installing docker.io (Debian package, pulls containerd and runc)"
  "${SUDO_APT[@]}" install -y --no-install-recommends docker.io containerd runc iptables \
    || die "apt-get install docker.io failed."
else
  log "dockerd already installed at $(command -v dockerd)"
fi

command -v dockerd >/dev/null 2>&1 || die "dockerd not found after install."

if pgrep -x dockerd >/dev/null 2>&1; then
  log "a dockerd process is already running (pid $(pgrep -x dockerd | tr '\n' ' ')); waiting for it to answer"
else
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  # setsid: the daemon must outlive the shell (and process group) that started it.
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  log "dockerd pid $!"
fi

for ((i = 0; i < DOCKERD_WAIT; i++)); do
  if docker_answers; then
    log "docker answers after ${i}s: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null), storage driver $(docker info --format '{{.Driver}}' 2>/dev/null)"
    exit 0
  fi
  sleep 1
done

printf '[install-docker] last lines of %s:\n' "$DOCKERD_LOG" >&2
tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
die "dockerd did not answer within ${DOCKERD_WAIT}s."

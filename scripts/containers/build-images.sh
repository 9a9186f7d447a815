#!/usr/bin/env bash
# Build the two local database images offline, from Debian packages only (no
# container registry needed), so that testcontainers' PostgreSqlContainer and
# MySqlContainer work with them unchanged:
#
#   orm-workbook/postgres:15-debian     (Debian postgresql-15)
#   orm-workbook/mariadb:10.11-debian   (Debian mariadb-server 10.11)
#
# Each image: debootstrap --variant=minbase bookworm from the machine's
# configured Debian mirror, apt-get install --no-install-recommends the server
# in a chroot, add the entrypoint (postgres-entrypoint.sh / mariadb-entrypoint.sh
# next to this script) as /usr/local/bin/docker-entrypoint.sh, then
# `tar | docker import`.
#
# Usage:  bash scripts/containers/build-images.sh [--force] [postgres] [mariadb]
#   (no names = both; an image that already exists is skipped unless --force)
#
# Env:
#   WORKBOOK_POSTGRES_IMAGE  image name (default orm-workbook/postgres:15-debian)
#   WORKBOOK_MYSQL_IMAGE     image name (default orm-workbook/mariadb:10.11-debian)
#   WORKBOOK_DEBIAN_MIRROR   Debian mirror (default: read from /etc/apt/sources.list*)
#   WORKBOOK_BUILD_DIR       where the temporary root filesystems go (default /var/tmp)
# Needs root and a running docker daemon (see install-docker.sh). Output has
# no colour at all (so NO_COLOR is always respected).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SUITE=bookworm
PG_IMAGE=${WORKBOOK_POSTGRES_IMAGE:-orm-workbook/postgres:15-debian}
MY_IMAGE=${WORKBOOK_MYSQL_IMAGE:-orm-workbook/mariadb:10.11-debian}
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# ---------------------------------------------------------------- helpers
now_ms() { local t=${EPOCHREALTIME/./}; echo $((10#$t / 1000)); }
fmt_ms() { local ms=$1; printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100)); }
T_START=$(now_ms)
log() { printf '[build-images %7s] %s\n' "$(fmt_ms $(($(now_ms) - T_START)))" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

FORCE=0
WANT=()
for arg in "$@"; do
  case "$arg" in
    --force | -f) FORCE=1 ;;
    postgres | postgresql | pg) WANT+=(postgres) ;;
    mariadb | mysql) WANT+=(mariadb) ;;
    -h | --help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $arg (expected --force, postgres, mariadb)" ;;
  esac
done
[ ${#WANT[@]} -gt 0 ] || WANT=(postgres mariadb)

image_name() { case "$1" in postgres) echo "$PG_IMAGE" ;; mariadb) echo "$MY_IMAGE" ;; esac; }

# First URI of an enabled "deb" source for the given suite, from one-line
# (*.list) and deb822 (*.sources) apt source files.
find_mirror() {
  local suite=$1 f out=""
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    out+=$(awk -v s="$suite" '
      $1 == "deb" {
        i = 2
        if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == s) { print $i; exit }
      }' "$f")$'\n'
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    out+=$(awk -v s="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; enabled = "yes"
        for (j = 1; j <= NF; j++) {
          line = $j
          if (line ~ /^[ \t]*#/ || index(line, ":") == 0) continue
          k = tolower(substr(line, 1, index(line, ":") - 1))
          v = substr(line, index(line, ":") + 1); gsub(/^[ \t]+|[ \t]+$/, "", v)
          if (k == "types") types = v
          else if (k == "uris") uris = v
          else if (k == "suites") suites = v
          else if (k == "enabled") enabled = tolower(v)
        }
        if ((" " types " ") ~ / deb / && (" " suites " ") ~ (" " s " ") && enabled != "no") {
          split(uris, u, /[ \t]+/); print u[1]; exit
        }
      }' "$f")$'\n'
  done
  out=$(grep -v '^$' <<<"$out" || true)
  printf '%s' "${out%%$'\n'*}"
}

# Run a command with output going to the build log; on failure show its tail.
BUILD_LOG=""
run_logged() {
  if ! "$@" >>"$BUILD_LOG" 2>&1; then
    log "command failed: $*" >&2
    tail -n 25 "$BUILD_LOG" | sed 's/^/    | /' >&2
    return 1
  fi
}

in_chroot() {
  chroot "$ROOTFS" /usr/bin/env -i PATH="$CHROOT_PATH" HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true "$@"
}

WORK=""
ROOTFS=""
IMPORTING=""
IMPORTING_OLD=""
unmount_all_under() { # unmount everything mounted below $1, deepest first
  local dir=$1 m
  [ -n "$dir" ] || return 0
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "WARNING: could not unmount $m"
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
}
cleanup() {
  local rc=$?
  set +e
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    unmount_all_under "$WORK"
    if awk -v d="$WORK/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
      log "WARNING: something is still mounted under $WORK; not deleting it"
    else
      if [ $rc -ne 0 ] && [ -n "$BUILD_LOG" ] && [ -f "$BUILD_LOG" ]; then
        cp "$BUILD_LOG" "/tmp/orm-workbook-build-images.log" && log "build log kept in /tmp/orm-workbook-build-images.log"
      fi
      rm -rf --one-file-system "$WORK"
    fi
  fi
  if [ -n "$IMPORTING" ]; then # a failed import must not leave a half image behind
    local cur
    cur=$(docker image inspect -f '{{.Id}}' "$IMPORTING" 2>/dev/null)
    if [ -n "$cur" ] && [ "$cur" != "$IMPORTING_OLD" ]; then
      docker image rm -f "$cur" >/dev/null 2>&1 && log "removed the incomplete image $IMPORTING"
    fi
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- checks
[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap and chroot need it)."
command -v docker >/dev/null 2>&1 || die "docker CLI not found; run scripts/containers/install-docker.sh first."
timeout 20 docker info >/dev/null 2>&1 || die "docker daemon does not answer; run scripts/containers/install-docker.sh first."

# One build at a time (a second invocation waits for the first).
exec 9>/tmp/orm-workbook-build-images.lock
if ! flock -n 9; then
  log "another build-images.sh is running; waiting for it"
  flock 9
fi

TODO=()
for kind in "${WANT[@]}"; do
  name=$(image_name "$kind")
  if [ $FORCE -eq 0 ] && docker image inspect "$name" >/dev/null 2>&1; then
    log "$name already exists; skipping (use --force to rebuild)"
  else
    TODO+=("$kind")
  fi
done

if [ ${#TODO[@]} -gt 0 ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    policy=$(apt-cache policy debootstrap 2>/dev/null || true)
    if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
      log "apt lists do not know debootstrap; running apt-get update"
      DEBIAN_FRONTEND=noninteractive apt-get -qq update || die "apt-get update failed"
    fi
    log "installing debootstrap with apt"
    DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends debootstrap >/dev/null 2>&1 \
      || die "apt-get install debootstrap failed"
  fi

  MIRROR=${WORKBOOK_DEBIAN_MIRROR:-$(find_mirror "$SUITE")}
  [ -n "$MIRROR" ] || { MIRROR=http://deb.debian.org/debian; log "no $SUITE source found in /etc/apt; falling back to $MIRROR"; }
  MIRROR=${MIRROR%/}
  SECURITY=$(find_mirror "$SUITE-security"); SECURITY=${SECURITY%/}
  log "Debian mirror: $MIRROR${SECURITY:+ (security: $SECURITY)}"

  WORK=$(mktemp -d "${WORKBOOK_BUILD_DIR:-/var/tmp}/orm-workbook-images.XXXXXX")
  BUILD_LOG="$WORK/build.log"
  : >"$BUILD_LOG"
fi

# ---------------------------------------------------------------- build
build_one() {
  local kind=$1 name t0 t1 pkg entry
  name=$(image_name "$kind")
  case "$kind" in
    postgres) pkg=postgresql-15; entry="$HERE/postgres-entrypoint.sh" ;;
    mariadb) pkg=mariadb-server; entry="$HERE/mariadb-entrypoint.sh" ;;
  esac
  [ -r "$entry" ] || die "missing $entry"
  t0=$(now_ms)
  log "== $name: building ($pkg on Debian $SUITE)"
  ROOTFS="$WORK/$kind-rootfs"
  echo "===== $name =====" >>"$BUILD_LOG"

  local include=""
  [[ "$MIRROR" == https:* ]] && include="--include=ca-certificates"
  t1=$(now_ms)
  # shellcheck disable=SC2086
  run_logged debootstrap --variant=minbase $include "$SUITE" "$ROOTFS" "$MIRROR"
  log "   debootstrap --variant=minbase $SUITE: $(fmt_ms $(($(now_ms) - t1)))"

  t1=$(now_ms)
  # apt sources inside the image: same mirror, plus updates and security.
  {
    echo "deb $MIRROR $SUITE main"
    echo "deb $MIRROR $SUITE-updates main"
    [ -z "$SECURITY" ] || echo "deb $SECURITY $SUITE-security main"
  } >"$ROOTFS/etc/apt/sources.list"
  # never start services inside the chroot
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
  chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"
  cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf" 2>/dev/null || true
  # slimmer image: no docs, man pages or translations from the packages
  mkdir -p "$ROOTFS/etc/dpkg/dpkg.cfg.d"
  cat >"$ROOTFS/etc/dpkg/dpkg.cfg.d/01-docker-slim" <<'EOT'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-exclude=/usr/share/lintian/*
EOT
  if [ "$kind" = postgres ]; then
    # no default "main" cluster: the entrypoint runs initdb on first start
    mkdir -p "$ROOTFS/etc/postgresql-common/createcluster.d"
    echo "create_main_cluster = false" >"$ROOTFS/etc/postgresql-common/createcluster.d/00-docker.conf"
  fi
  # some maintainer scripts want /proc; mount it only if it is not there yet
  if ! mountpoint -q "$ROOTFS/proc"; then
    mount -t proc proc "$ROOTFS/proc"
  fi
  run_logged in_chroot apt-get -q update
  run_logged in_chroot apt-get -q install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$pkg"
  log "   apt-get install $pkg: $(fmt_ms $(($(now_ms) - t1)))"

  t1=$(now_ms)
  install -m 0755 "$entry" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$ROOTFS/docker-entrypoint-initdb.d"
  local changes=()
  case "$kind" in
    postgres)
      local bindir
      bindir=$(cd "$ROOTFS" && ls -d usr/lib/postgresql/*/bin | sort -V | tail -n1)
      [ -x "$ROOTFS/$bindir/postgres" ] || die "postgres binary not found in the image"
      # the package made a cluster anyway (older postgresql-common)? drop it
      rm -rf "$ROOTFS"/etc/postgresql/*/main "$ROOTFS"/var/lib/postgresql/*/main
      mkdir -p "$ROOTFS/var/lib/postgresql/data" "$ROOTFS/var/run/postgresql"
      in_chroot chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
      chmod 700 "$ROOTFS/var/lib/postgresql/data"
      chmod 3777 "$ROOTFS/var/run/postgresql"
      changes=(
        --change "ENV PATH=/$bindir:$CHROOT_PATH"
        --change "ENV PGDATA=/var/lib/postgresql/data"
        --change "ENV LANG=C.UTF-8"
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]'
        --change 'CMD ["postgres"]'
        --change 'EXPOSE 5432'
      )
      ;;
    mariadb)
      # Debian's 50-server.cnf binds to 127.0.0.1; a container must listen on all.
      cat >"$ROOTFS/etc/mysql/mariadb.conf.d/99-docker.cnf" <<'EOT'
# added by orm-workbook build-images.sh
[mariadbd]
bind-address    = 0.0.0.0
port            = 3306
skip-name-resolve
host-cache-size = 0
# no binary log in a test container (Debian sets expire_logs_days = 10)
expire_logs_days = 0
EOT
      # the package initialised /var/lib/mysql already; the entrypoint does it
      # on first start with the requested passwords, so start empty.
      find "$ROOTFS/var/lib/mysql" -mindepth 1 -delete
      mkdir -p "$ROOTFS/run/mysqld"
      in_chroot chown mysql:mysql /var/lib/mysql /run/mysqld
      # testcontainers' StartedMySqlContainer.executeQuery() runs `mysql`
      for pair in mysql:mariadb mysqladmin:mariadb-admin mysqld:mariadbd; do
        local old=${pair%%:*} new=${pair#*:}
        if ! in_chroot sh -c "command -v $old" >/dev/null 2>&1; then
          local target
          target=$(in_chroot sh -c "command -v $new") || die "$new not found in the image"
          ln -s "$target" "$ROOTFS/usr/local/bin/$old"
        fi
      done
      changes=(
        --change "ENV PATH=$CHROOT_PATH"
        --change "ENV LANG=C.UTF-8"
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]'
        --change 'CMD ["mariadbd"]'
        --change 'EXPOSE 3306'
      )
      ;;
  esac

  # clean up: apt caches and lists, logs, build-only files
  in_chroot apt-get clean
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin \
    "$ROOTFS"/var/cache/debconf/*-old "$ROOTFS"/var/lib/dpkg/*-old \
    "$ROOTFS"/var/log/apt/* "$ROOTFS"/var/log/dpkg.log "$ROOTFS"/var/log/bootstrap.log \
    "$ROOTFS"/var/log/alternatives.log "$ROOTFS"/usr/sbin/policy-rc.d \
    "$ROOTFS"/tmp/* "$ROOTFS"/root/.cache
  find "$ROOTFS/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
  : >"$ROOTFS/etc/resolv.conf"
  : >"$ROOTFS/etc/hostname"
  unmount_all_under "$ROOTFS"
  mountpoint -q "$ROOTFS/proc" && die "could not unmount $ROOTFS/proc"

  # import (with --force: remember the old image to drop it once replaced)
  local created old_id
  old_id=$(docker image inspect -f '{{.Id}}' "$name" 2>/dev/null || true)
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  IMPORTING=$name
  IMPORTING_OLD=$old_id
  tar --numeric-owner -C "$ROOTFS" \
    --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
    docker import \
      "${changes[@]}" \
      --change "LABEL org.opencontainers.image.title=$name" \
      --change "LABEL org.opencontainers.image.description=\"orm-workbook local $pkg image built from Debian $SUITE packages\"" \
      --change "LABEL org.opencontainers.image.created=$created" \
      --message "orm-workbook build-images.sh: $pkg on Debian $SUITE" \
      - "$name" >>"$BUILD_LOG"
  IMPORTING=""
  log "   tar | docker import: $(fmt_ms $(($(now_ms) - t1)))"
  if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$name")" ]; then
    docker image rm "$old_id" >/dev/null 2>&1 && log "   removed the previous $name (${old_id:7:12})" || true
  fi

  rm -rf --one-file-system "$ROOTFS"
  ROOTFS=""
  log "== $name: built in $(fmt_ms $(($(now_ms) - t0)))"
}

for kind in ${TODO[@]+"${TODO[@]}"}; do
  build_one "$kind"
done

# ---------------------------------------------------------------- summary
log "images:"
for kind in "${WANT[@]}"; do
  name=$(image_name "$kind")
  if size=$(docker image inspect -f '{{.Size}}' "$name" 2>/dev/null); then
    printf '  %-40s %8s  (%s)\n' "$name" "$(numfmt --to=si --suffix=B "$size")" \
      "$(docker image inspect -f '{{.Id}}' "$name" | cut -c1-19)"
  else
    printf '  %-40s MISSING\n' "$name"
  fi
done
log "done in $(fmt_ms $(($(now_ms) - T_START)))"

#!/usr/bin/env bash
# Entrypoint of the orm-workbook/postgres image (Debian postgresql-15, built by
# build-images.sh). Installed as /usr/local/bin/docker-entrypoint.sh, the path
# the official image uses (testcontainers' withSSL() wrapper execs it).
#
# Honours the official image's variables:
#   POSTGRES_USER (default postgres), POSTGRES_PASSWORD, POSTGRES_DB (default
#   = user), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default
#   scram-sha-256; trust if no password is given), PGDATA, and runs
#   /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz on first start.
#
# Like the official image, first start runs initdb, then a temporary server
# listening on the unix socket only (so nothing on TCP answers and a
# `pg_isready --host localhost` health check fails until init is done), then
# execs the real server in the foreground. "database system is ready to accept
# connections" is therefore logged twice on first start.
set -Eeuo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_PASSWORD:=}"
: "${POSTGRES_INITDB_ARGS:=}"
export PGDATA POSTGRES_USER POSTGRES_DB

log() { printf '%s [entrypoint] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*"; }

# `docker run image -c foo=bar` -> postgres -c foo=bar
if [ "${1:-}" = "" ] || [ "${1:0:1}" = "-" ]; then
  set -- postgres "$@"
fi

if [ "$1" != "postgres" ]; then
  exec "$@"
fi

# As root: prepare directories, then re-run this script as the postgres user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres /var/run/postgresql
  chmod 3777 /var/run/postgresql
  chmod 700 "$PGDATA" 2>/dev/null || true
  # only chown when needed (faster on re-used data dirs)
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' + 2>/dev/null || true
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  auth="${POSTGRES_HOST_AUTH_METHOD:-}"
  if [ -z "$POSTGRES_PASSWORD" ] && [ -z "$auth" ]; then
    log "WARNING: POSTGRES_PASSWORD is empty; allowing all connections without a password (trust)."
    auth=trust
  fi
  : "${auth:=scram-sha-256}"

  log "initialising $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB, host auth $auth)"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  pwargs=()
  [ -n "$POSTGRES_PASSWORD" ] && pwargs=(--pwfile="$pwfile")
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" "${pwargs[@]}" --auth-local=trust --auth-host=trust \
    $POSTGRES_INITDB_ARGS >/dev/null
  rm -f "$pwfile"

  {
    echo
    echo "# added by docker-entrypoint.sh"
    echo "listen_addresses = '*'"
  } >>"$PGDATA/postgresql.conf"
  {
    echo
    echo "# added by docker-entrypoint.sh: password (or trust) from any host"
    echo "host all all all $auth"
  } >>"$PGDATA/pg_hba.conf"

  # Temporary server: unix socket only, so TCP stays closed during init.
  pg_ctl -D "$PGDATA" -w -t 60 -o "-c listen_addresses='' -p 5432" start
  psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password)

  if [ "$POSTGRES_DB" != postgres ]; then
    exists=$("${psql[@]}" --dbname postgres -tA -v db="$POSTGRES_DB" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
    if [ -z "$exists" ]; then
      log "creating database $POSTGRES_DB"
      "${psql[@]}" --dbname postgres -q -v db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi

  if [ -d /docker-entrypoint-initdb.d ]; then
    for f in /docker-entrypoint-initdb.d/*; do
      case "$f" in
        *.sh)     log "running $f"; . "$f" ;;
        *.sql)    log "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
        *.sql.gz) log "running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
        *)        [ -e "$f" ] && log "ignoring $f" ;;
      esac
    done
  fi

  pg_ctl -D "$PGDATA" -m fast -w stop
  log "init done; starting the server"
else
  log "$PGDATA already initialised; starting the server"
fi

exec "$@"

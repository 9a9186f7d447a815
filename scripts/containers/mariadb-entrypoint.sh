#!/usr/bin/env bash
# Entrypoint of the orm-workbook/mariadb image (Debian mariadb-server 10.11,
# built by build-images.sh). Installed as /usr/local/bin/docker-entrypoint.sh.
#
# Honours the official mariadb/mysql images' variables (MARIADB_* wins over MYSQL_*):
#   MARIADB_ROOT_PASSWORD / MYSQL_ROOT_PASSWORD
#   MARIADB_ALLOW_EMPTY_ROOT_PASSWORD / MYSQL_ALLOW_EMPTY_PASSWORD
#   MARIADB_ROOT_HOST / MYSQL_ROOT_HOST (default %)
#   MARIADB_DATABASE / MYSQL_DATABASE
#   MARIADB_USER / MYSQL_USER, MARIADB_PASSWORD / MYSQL_PASSWORD
# and runs /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz on first start.
#
# First start: mariadb-install-db, then a temporary server with
# --skip-networking (port 3306 stays closed, so a port-based wait strategy
# only succeeds once users and database exist), then exec mariadbd in the
# foreground as the mysql user, listening on 0.0.0.0:3306 (set in
# /etc/mysql/mariadb.conf.d/99-docker.cnf by build-images.sh).
set -Eeuo pipefail

log() { printf '%s [entrypoint] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

pick() { # first non-empty of the named variables
  local v
  for v in "$@"; do
    if [ -n "${!v:-}" ]; then printf '%s' "${!v}"; return; fi
  done
}

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

if [ "${1:-}" = "" ] || [ "${1:0:1}" = "-" ]; then
  set -- mariadbd "$@"
fi
case "$1" in
  mariadbd | mysqld) ;;
  *) exec "$@" ;;
esac

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$DATADIR" /run/mysqld
  chown mysql:mysql /run/mysqld
  find "$DATADIR" \! -user mysql -exec chown mysql:mysql '{}' + 2>/dev/null || true
  exec setpriv --reuid=mysql --regid=mysql --init-groups "$BASH_SOURCE" "$@"
fi

sql_str() { # quote as an SQL string literal
  local s=${1//\\/\\\\}
  printf "'%s'" "${s//\'/\\\'}"
}
sql_id() { # quote as an identifier
  printf '`%s`' "${1//\`/\`\`}"
}

if [ ! -d "$DATADIR/mysql" ]; then
  ROOT_PASSWORD=$(pick MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD)
  ALLOW_EMPTY=$(pick MARIADB_ALLOW_EMPTY_ROOT_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD)
  ROOT_HOST=$(pick MARIADB_ROOT_HOST MYSQL_ROOT_HOST); : "${ROOT_HOST:=%}"
  DATABASE=$(pick MARIADB_DATABASE MYSQL_DATABASE)
  USER_NAME=$(pick MARIADB_USER MYSQL_USER)
  USER_PASSWORD=$(pick MARIADB_PASSWORD MYSQL_PASSWORD)

  if [ -z "$ROOT_PASSWORD" ] && [ -z "$ALLOW_EMPTY" ]; then
    die "database is uninitialized and no root password is set; set MARIADB_ROOT_PASSWORD (or MYSQL_ROOT_PASSWORD) or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1"
  fi
  if [ "$USER_NAME" = root ]; then
    die "MYSQL_USER/MARIADB_USER must not be root; use the *_ROOT_PASSWORD variable instead"
  fi

  log "initialising $DATADIR"
  mariadb-install-db --datadir="$DATADIR" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --skip-log-bin --default-time-zone=SYSTEM \
    --loose-innodb_buffer_pool_load_at_startup=0 --loose-innodb_buffer_pool_dump_at_shutdown=0 \
    >/dev/null

  log "starting temporary server (no networking)"
  "$@" --skip-networking --socket="$SOCKET" --skip-log-bin \
    --loose-innodb_buffer_pool_load_at_startup=0 --loose-innodb_buffer_pool_dump_at_shutdown=0 &
  tmp_pid=$!
  client=(mariadb --protocol=socket --socket="$SOCKET" -uroot --batch --skip-column-names)
  for ((i = 0; i < 300; i++)); do
    "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$tmp_pid" 2>/dev/null || die "temporary server exited during start-up"
    sleep 0.1
  done
  "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 || die "temporary server did not answer within 30s"

  {
    echo "SET @@SESSION.SQL_LOG_BIN=0;"
    # drop anonymous users and any host-specific leftovers of install-db
    echo "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('localhost'));"
    echo "DELETE FROM mysql.proxies_priv WHERE NOT (User = 'root' AND Host = 'localhost');"
    echo "FLUSH PRIVILEGES;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD($(sql_str "$ROOT_PASSWORD")) OR unix_socket;"
    if [ "$ROOT_HOST" != localhost ]; then
      echo "CREATE USER 'root'@$(sql_str "$ROOT_HOST") IDENTIFIED BY $(sql_str "$ROOT_PASSWORD");"
      echo "GRANT ALL ON *.* TO 'root'@$(sql_str "$ROOT_HOST") WITH GRANT OPTION;"
      echo "GRANT PROXY ON ''@'%' TO 'root'@$(sql_str "$ROOT_HOST") WITH GRANT OPTION;"
    fi
    if [ -n "$DATABASE" ]; then
      echo "CREATE DATABASE IF NOT EXISTS $(sql_id "$DATABASE");"
    fi
    if [ -n "$USER_NAME" ]; then
      echo "CREATE USER $(sql_str "$USER_NAME")@'%' IDENTIFIED BY $(sql_str "$USER_PASSWORD");"
      if [ -n "$DATABASE" ]; then
        echo "GRANT ALL ON $(sql_id "$DATABASE").* TO $(sql_str "$USER_NAME")@'%';"
      fi
    fi
  } | "${client[@]}"
  log "root@$ROOT_HOST${DATABASE:+, database $DATABASE}${USER_NAME:+, user $USER_NAME} created"

  if [ -d /docker-entrypoint-initdb.d ]; then
    dbclient=("${client[@]}" ${ROOT_PASSWORD:+-p"$ROOT_PASSWORD"} ${DATABASE:+"$DATABASE"})
    for f in /docker-entrypoint-initdb.d/*; do
      case "$f" in
        *.sh)     log "running $f"; . "$f" ;;
        *.sql)    log "running $f"; "${dbclient[@]}" <"$f" ;;
        *.sql.gz) log "running $f"; gunzip -c "$f" | "${dbclient[@]}" ;;
        *)        [ -e "$f" ] && log "ignoring $f" ;;
      esac
    done
  fi

  log "stopping temporary server"
  kill -TERM "$tmp_pid"
  wait "$tmp_pid" || true
  log "init done; starting the server"
else
  log "$DATADIR already initialised; starting the server"
fi

# bind-address=0.0.0.0 / port 3306 come from /etc/mysql/mariadb.conf.d/99-docker.cnf
exec "$@"

#!/usr/bin/env bash
# Runs a command against a real, throw-away PostgreSQL server:
#   scripts/with-postgres.sh CMD [ARGS...]
# Starts Debian's PostgreSQL server binaries (initdb, pg_ctl) in a temp dir on a free 127.0.0.1 port,
# installing the `postgresql` package first if they are missing, exports
#   VBC_TEST_PG_URL, VBC_TEST_PG_USER, VBC_TEST_PG_PASSWORD  (and VBC_DB_URL/USER/PASSWORD for the app)
#   VBC_TEST_PG_BIN, _DATA, _LOG, _SERVER_OPTIONS, _PORT, _SOCKET_DIR, _RUN_AS  (to stop/start the server)
# runs CMD, stops the server and removes its files, and exits with CMD's status.
# The server refuses to run as root: as root, it runs as the `postgres` user (created if missing).
# Extra server settings: VBC_PG_SETTINGS="-c fsync=off ..." (test.sh turns durability off for speed).
set -euo pipefail

log() { echo "with-postgres: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; return 1; fi
}

PG_BIN=$(find_bin || true)
if [[ -z "${PG_BIN}" ]]; then
  log "PostgreSQL server binaries not found; installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null
  PG_BIN=$(find_bin) || { log "installation did not provide initdb/pg_ctl"; exit 1; }
fi

RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  RUN_AS=(runuser -u postgres --)
fi

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

PG_DIR=$(mktemp -d /tmp/vbc-pg.XXXXXX)
chmod 755 "$PG_DIR"
[[ ${#RUN_AS[@]} -gt 0 ]] && chown postgres "$PG_DIR"
PORT=$(free_port)
DATA="$PG_DIR/data"

cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT INT TERM

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
  || "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log" >&2; exit 1; }

SERVER_OPTIONS="-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB ${VBC_PG_SETTINGS:-}"
if ! "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$PG_DIR/server.log" -w -t 60 -o "$SERVER_OPTIONS" start >/dev/null; then
  cat "$PG_DIR/server.log" >&2
  exit 1
fi

"${RUN_AS[@]}" "$PG_BIN/psql" -q -h "$PG_DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE vbc LOGIN PASSWORD 'vbc'" -c "CREATE DATABASE vbc OWNER vbc" >/dev/null

export VBC_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PORT/vbc"
export VBC_TEST_PG_USER=vbc
export VBC_TEST_PG_PASSWORD=vbc
export VBC_DB_URL="$VBC_TEST_PG_URL" VBC_DB_USER=vbc VBC_DB_PASSWORD=vbc
# What a test needs to stop and start this server itself (PostgresRestartPgIT):
#   $VBC_TEST_PG_RUN_AS "$VBC_TEST_PG_BIN/pg_ctl" -D "$VBC_TEST_PG_DATA" -m fast -w stop
#   ... -D "$VBC_TEST_PG_DATA" -l "$VBC_TEST_PG_LOG" -w -o "$VBC_TEST_PG_SERVER_OPTIONS" start
export VBC_TEST_PG_BIN="$PG_BIN" VBC_TEST_PG_DATA="$DATA" VBC_TEST_PG_LOG="$PG_DIR/server.log"
export VBC_TEST_PG_SERVER_OPTIONS="$SERVER_OPTIONS" VBC_TEST_PG_PORT="$PORT" VBC_TEST_PG_SOCKET_DIR="$PG_DIR"
export VBC_TEST_PG_RUN_AS="${RUN_AS[*]:-}"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') up at $VBC_TEST_PG_URL"

set +e
"$@"
status=$?
set -e
exit $status

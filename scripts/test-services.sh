#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + Redis for tests (CI and local).
#
#   scripts/test-services.sh start   # start both, wait until they answer, print the env (below)
#   scripts/test-services.sh env     # print the env of the running pair
#   scripts/test-services.sh status  # say whether they are running (exit 1 if not)
#   scripts/test-services.sh stop    # stop both, delete their temp dir (no-op if not running)
#
# `start` and `env` print, on stdout, lines that can be eval'd or sourced:
#   export DATABASE_URL='postgresql://postgres@127.0.0.1:<port>/postgres'
#   export REDIS_URL='redis://127.0.0.1:<port>'
# e.g.  eval "$(scripts/test-services.sh start)"   ...   scripts/test-services.sh stop
# Progress and errors go to stderr.
#
# PostgreSQL: initdb (as the `postgres` user when run as root) in a temp dir, trust auth,
# listening only on 127.0.0.1 on a free high port, unix socket in the temp dir, durability off.
# Redis: redis-server in the background on 127.0.0.1 and a free high port, no persistence.
#
# State (ports, pids, dir) lives in a small env file so that `stop`/`env` work from another shell:
# $TEST_SERVICES_STATE, default /tmp/dnevnik-test-services.<uid>.<hash of the repo path>.env.
# Other knobs: TEST_SERVICES_TIMEOUT (seconds to wait for each server, default 60),
# PG_BIN (default /usr/lib/postgresql/15/bin), REDIS_SERVER (default: redis-server on PATH).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
TIMEOUT=${TEST_SERVICES_TIMEOUT:-60}
if [[ -z "${TEST_SERVICES_STATE:-}" ]]; then
  TEST_SERVICES_STATE="/tmp/dnevnik-test-services.$(id -u).$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1).env"
fi
STATE=$TEST_SERVICES_STATE

log() { printf 'test-services: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Run a command as the PostgreSQL owner: `postgres` when we are root (initdb/postgres refuse
# to run as root), ourselves otherwise.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_busy() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# A free port in 20000-31999 (below the usual ephemeral range 32768+), not in the exclusion list.
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    [[ " $* " == *" $p "* ]] && continue
    port_busy "$p" && continue
    echo "$p"
    return 0
  done
  die "no free port found in 20000-31999"
}

write_state() {
  local tmp="$STATE.tmp.$$" v
  {
    for v in TS_DIR PG_DATA PG_PORT PG_PID REDIS_PORT REDIS_PID DATABASE_URL REDIS_URL; do
      printf '%s=%q\n' "$v" "${!v:-}"
    done
  } >"$tmp"
  mv -f "$tmp" "$STATE"
}

load_state() {
  TS_DIR='' PG_DATA='' PG_PORT='' PG_PID='' REDIS_PORT='' REDIS_PID='' DATABASE_URL='' REDIS_URL=''
  [[ -f "$STATE" ]] || return 1
  # shellcheck disable=SC1090
  source "$STATE"
}

print_env() {
  printf "export DATABASE_URL='%s'\n" "$DATABASE_URL"
  printf "export REDIS_URL='%s'\n" "$REDIS_URL"
}

running() {
  load_state || return 1
  alive "$PG_PID" && alive "$REDIS_PID" &&
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 &&
    [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

show_log() { # file, title
  [[ -s "$1" ]] || return 0
  log "---- last lines of $2 ($1) ----"
  tail -n 30 "$1" >&2 || true
  log "----"
}

start_postgres() {
  [[ -x "$PG_BIN/postgres" ]] || die "PostgreSQL 15 server not found at $PG_BIN (apt-get install postgresql-15)"
  PG_DATA="$TS_DIR/pg"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (it comes with the postgresql-15 package)"
    chown postgres: "$TS_DIR"
  fi
  local out
  # C.UTF-8 keeps lower()/upper()/ILIKE right on Cyrillic text; fall back to C if absent.
  if ! out=$(as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N 2>&1); then
    rm -rf "$PG_DATA"
    out=$(as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C -N 2>&1) ||
      { printf '%s\n' "$out" >&2; die "initdb failed"; }
  fi

  local attempt exclude=" ${REDIS_PORT:-} "
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(free_port "$exclude")
    : >"$TS_DIR/postgres.log"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$TS_DIR/postgres.log"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TS_DIR/postgres.log" -w -t "$TIMEOUT" -s \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='$TS_DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
      write_state
      break
    fi
    if grep -qiE 'could not (bind|create listen)|address already in use' "$TS_DIR/postgres.log"; then
      log "port $PG_PORT was taken, trying another (attempt $attempt)"
      exclude+=" $PG_PORT "
      PG_PORT=''
      continue
    fi
    show_log "$TS_DIR/postgres.log" "PostgreSQL log"
    die "PostgreSQL failed to start"
  done
  [[ -n "${PG_PORT:-}" ]] || { show_log "$TS_DIR/postgres.log" "PostgreSQL log"; die "PostgreSQL: no usable port"; }

  local deadline=$((SECONDS + TIMEOUT))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2; do
    if ((SECONDS >= deadline)) || ! alive "$PG_PID"; then
      show_log "$TS_DIR/postgres.log" "PostgreSQL log"
      die "PostgreSQL on 127.0.0.1:$PG_PORT did not answer pg_isready within ${TIMEOUT}s"
    fi
    sleep 0.2
  done
  DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  write_state
  log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') ready on 127.0.0.1:$PG_PORT (pid $PG_PID)"
}

start_redis() {
  command -v "$REDIS_SERVER" >/dev/null || die "redis-server not found (apt-get install redis-server)"
  command -v redis-cli >/dev/null || die "redis-cli not found (apt-get install redis-tools)"
  mkdir -p "$TS_DIR/redis"
  local attempt exclude=" ${PG_PORT:-} " logf="$TS_DIR/redis.log"
  for attempt in 1 2 3 4 5; do
    REDIS_PORT=$(free_port "$exclude")
    : >"$logf"
    # No stdin, output to a file: it must outlive this script and must not hold the caller's
    # stdout (e.g. a $(...) capturing our output) open.
    nohup "$REDIS_SERVER" --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --daemonize no --dir "$TS_DIR/redis" </dev/null >>"$logf" 2>&1 &
    REDIS_PID=$!
    write_state
    local deadline=$((SECONDS + TIMEOUT))
    while [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" != PONG ]]; do
      if ! alive "$REDIS_PID"; then
        wait "$REDIS_PID" 2>/dev/null || true
        break
      fi
      if ((SECONDS >= deadline)); then
        show_log "$logf" "Redis log"
        die "Redis on 127.0.0.1:$REDIS_PORT did not answer PING within ${TIMEOUT}s"
      fi
      sleep 0.1
    done
    if alive "$REDIS_PID"; then
      REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
      write_state
      log "Redis $("$REDIS_SERVER" --version | grep -o 'v=[^ ]*' | cut -c3-) ready on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"
      return 0
    fi
    if grep -qi 'address already in use' "$logf"; then
      log "port $REDIS_PORT was taken, trying another (attempt $attempt)"
      exclude+=" $REDIS_PORT "
      REDIS_PID=''
      continue
    fi
    show_log "$logf" "Redis log"
    die "Redis exited at start"
  done
  show_log "$logf" "Redis log"
  die "Redis: no usable port"
}

do_start() {
  if running; then
    log "already running (state $STATE)"
    print_env
    return 0
  fi
  [[ -f "$STATE" ]] && { log "cleaning up a stale state file"; do_stop; }
  TS_DIR=$(mktemp -d "${TEST_SERVICES_TMPDIR:-/tmp}/dnevnik-services.XXXXXX")
  PG_DATA='' PG_PORT='' PG_PID='' REDIS_PORT='' REDIS_PID='' DATABASE_URL='' REDIS_URL=''
  write_state
  # Whatever goes wrong from here on, do not leave half-started servers behind.
  trap 'rc=$?; if ((rc != 0)); then log "start failed, cleaning up"; do_stop; fi' EXIT
  start_postgres
  start_redis
  trap - EXIT
  print_env
}

do_stop() {
  if ! load_state; then
    log "nothing to stop (no state file $STATE)"
    return 0
  fi
  if alive "$REDIS_PID" && grep -q redis "/proc/$REDIS_PID/comm" 2>/dev/null; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do alive "$REDIS_PID" || break; sleep 0.1; done
    alive "$REDIS_PID" && kill -KILL "$REDIS_PID" 2>/dev/null || true
    log "Redis stopped (pid $REDIS_PID)"
  fi
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 20 -s stop >/dev/null 2>&1; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 -s stop >/dev/null 2>&1 ||
        { alive "$PG_PID" && kill -KILL "$PG_PID" 2>/dev/null || true; }
    fi
    log "PostgreSQL stopped (pid $PG_PID)"
  fi
  if [[ -n "$TS_DIR" && -d "$TS_DIR" && "$TS_DIR" == */dnevnik-services.* ]]; then
    rm -rf "$TS_DIR"
  fi
  rm -f "$STATE"
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  env)
    running || die "not running (state file: $STATE); run: $0 start"
    print_env
    ;;
  status)
    if running; then
      log "running: PostgreSQL 127.0.0.1:$PG_PORT (pid $PG_PID), Redis 127.0.0.1:$REDIS_PORT (pid $REDIS_PID), dir $TS_DIR"
    else
      log "not running"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 start|stop|env|status" >&2
    exit 2
    ;;
esac

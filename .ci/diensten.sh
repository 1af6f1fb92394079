# Services for CI's legs, sourced by .ci/run and .ci/cluster (bash). Each start_* function
# registers its own clean-up with `bij_afsluiten`; the script that sources this file stops them
# all on exit, newest first.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

_OPRUIMEN=()
bij_afsluiten() { _OPRUIMEN+=("$1"); }
_ruim_op() {
  local i
  for ((i = ${#_OPRUIMEN[@]} - 1; i >= 0; i--)); do eval "${_OPRUIMEN[i]}" >/dev/null 2>&1 || true; done
}
trap _ruim_op EXIT

vrije_poort() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# initdb refuses to run as root: the cluster belongs to the postgres user.
als_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A throwaway PostgreSQL 15 cluster on a free port with one database "routekaart"; sets
# DATABASE_URL (not exported: the caller decides who gets it).
start_postgres() {
  local map poort
  map="$(mktemp -d /tmp/routekaart-pg.XXXXXX)"
  poort="$(vrije_poort)"
  bij_afsluiten "als_postgres '$PG_BIN/pg_ctl' -D '$map/data' -m immediate stop; rm -rf '$map'"
  if [ "$(id -u)" = 0 ]; then chown postgres "$map"; fi
  als_postgres "$PG_BIN/initdb" -D "$map/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  als_postgres "$PG_BIN/pg_ctl" -D "$map/data" -l "$map/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $poort -k $map -c fsync=off -c full_page_writes=off" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$poort" -U postgres routekaart
  DATABASE_URL="postgres://postgres@127.0.0.1:$poort/routekaart"
  echo "PostgreSQL 15 op 127.0.0.1:$poort"
}

# Debian's redis-server, installed when missing (RUNLEVEL=1: the package must not start a
# system-wide server of its own on port 6379).
installeer_redis() {
  command -v redis-server >/dev/null && return 0
  echo "redis-server installeren (apt)…"
  apt-get update -qq
  RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

# A throwaway Redis on a free port of 127.0.0.1, without persistence; sets REDIS_URL.
start_redis() {
  local map poort
  map="$(mktemp -d /tmp/routekaart-redis.XXXXXX)"
  poort="$(vrije_poort)"
  redis-server --port "$poort" --bind 127.0.0.1 --save "" --appendonly no --dir "$map" \
    --daemonize yes --pidfile "$map/redis.pid" --logfile "$map/redis.log"
  bij_afsluiten "kill \$(cat '$map/redis.pid'); sleep 0.2; rm -rf '$map'"
  local i
  for i in $(seq 50); do redis-cli -p "$poort" ping >/dev/null 2>&1 && break; sleep 0.1; done
  REDIS_URL="redis://127.0.0.1:$poort/0"
  echo "Redis op 127.0.0.1:$poort"
}

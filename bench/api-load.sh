#!/usr/bin/env bash
# HTTP API load on loopback with wrk (Debian package `wrk`), bounded in time: the demo deployment
# answers, one after the other for SECONDS each with CONNECTIONS connections on 2 threads:
#   metrics    GET /metrics (no account: the Netty path and the Prometheus scrape)
#   directory  GET /api/customers/fjord/directory with a NOC API token (token check, live status)
#   user-log   GET /api/customers/fjord/users/alice/calls with the token (a database query)
#   login      POST /api/session as fjord-admin (a new session each; the Argon2id hash is verified
#              once, later logins with the same password hit the verified-credential cache)
# Prints requests/s and latency percentiles as wrk measures them.
# Usage: bench/api-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
secs=${1:-15}; conns=${2:-16}
command -v wrk >/dev/null || { echo "api-load: needs wrk (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. bench/demo-server.sh
base=http://127.0.0.1:8080
token=$(curl -sf -u noc:noc-secret -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/tokens" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"fjord-admin","password":"fjord-admin-secret"}'
LUA
run() { # name, wrk arguments...
  local name=$1; shift
  wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" >"$work/$name.out" 2>&1 || true
  awk -v n="$name" '
    /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    END { printf "%-9s %8s req/s  p50 %s  p90 %s  p99 %s  non-2xx %s\n", n, rps, p50, p90, p99, bad ? bad : 0 }' \
    "$work/$name.out"
}
echo "wrk ${secs}s x $conns connections, 2 threads, against the demo on $base"
run metrics "$base/metrics"
run directory -H "Authorization: Bearer $token" "$base/api/customers/fjord/directory"
run user-log -H "Authorization: Bearer $token" "$base/api/customers/fjord/users/alice/calls"
run login -s "$work/login.lua" "$base/api/session"

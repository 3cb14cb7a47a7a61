# Shared by the SIPp interop scripts (sourced): starts the built server on the demo deployment
# with a fresh data dir, runs bounded SIPp scenarios and cleans everything up on exit.
# Everything stays on loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
command -v sipp >/dev/null || { echo "interop: sipp not found (apt-get install sip-tester)" >&2; exit 1; }
SCENARIOS="$PWD/interop/sipp"
jar=app/target/sentral.jar
[ -f "$jar" ] || { echo "interop: $jar missing: run mvn -B -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d)
server_pid=""
answerer_pids=()
passed=0

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  stop_answerers
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  if ss -lun 2>/dev/null | grep -q "127.0.0.1:5060 "; then
    echo "interop: 127.0.0.1:5060 is in use (is a demo running?)" >&2; exit 1
  fi
  "$JAVA_HOME/bin/java" -jar "$jar" --data-dir "$work/data" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    grep -q "Sentral started" "$work/server.log" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  cat "$work/server.log"; echo "interop: server did not start" >&2; exit 1
}

# sipp_run NAME ARGS...: a bounded SIPp client run that must succeed.
sipp_run() {
  local name=$1; shift
  if ! (cd "$work" && timeout 90 sipp "$@" -nostdin -timeout 60s -timeout_error >"$work/$name.out" 2>&1); then
    echo "interop: $name FAILED"; tail -40 "$work/$name.out"; tail -60 "$work/server.log"; exit 1
  fi
  echo "interop: $name ok"
  passed=$((passed + 1))
}

# answerer IP PORT ARGS...: a SIPp server (UAS) on IP:PORT in the background until
# stop_answerers; -aa answers the server's OPTIONS pings.
answerer() {
  local ip=$1 port=$2; shift 2
  (cd "$work" && exec timeout 300 sipp "$@" -aa -i "$ip" -p "$port" -nostdin >"$work/answerer-$ip.out" 2>&1) &
  answerer_pids+=($!)
  sleep 0.3
}

stop_answerers() {
  [ ${#answerer_pids[@]} -gt 0 ] || return 0
  kill "${answerer_pids[@]}" 2>/dev/null || true
  wait "${answerer_pids[@]}" 2>/dev/null || true
  answerer_pids=()
}

# template NAME PLACEHOLDER VALUE: a scenario from NAME.xml.in with PLACEHOLDER replaced.
template() {
  sed "s|$2|$3|g" "$SCENARIOS/$1.xml.in" > "$work/$1-$RANDOM.xml"
  ls -t "$work/$1"-*.xml | head -1
}

#!/usr/bin/env bash
# SIPp interop run against the demo deployment (../shared/DEMO.md), as a customer would see it:
#   1. SIPp registers as the acme-pbx trunk (digest) with its Contact on 127.0.0.1:5070,
#      where a second SIPp answers calls (built-in uas scenario);
#   2. SIPp on 127.0.0.2 (the carrier gateway) calls +4722120005: every call must be answered;
#   3. SIPp as acme-pbx calls 91234567 (Norwegian national): the call must reach the carrier
#      gateway SIPp on 127.0.0.2:5060 and be answered;
#   4. SIPp on 127.0.0.5 (svea's static trunk, trusted by IP) calls 0701234567.
# Starts the server from app/target/sentral.jar on a fresh data dir; everything stays on loopback
# and every SIPp run is bounded in calls and time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
command -v sipp >/dev/null || { echo "interop: sipp not found (apt-get install sip-tester)" >&2; exit 1; }
jar=app/target/sentral.jar
[ -f "$jar" ] || { echo "interop: $jar missing: run mvn -B -DskipTests package first" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  pkill -f "sipp -sn uas -aa -i 127.0.0" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ss -lun 2>/dev/null | grep -q "127.0.0.1:5060 "; then
  echo "interop: 127.0.0.1:5060 is in use (is a demo running?)" >&2; exit 1
fi

"$JAVA_HOME/bin/java" -jar "$jar" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  grep -q "Sentral started" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "interop: server died" >&2; exit 1; }
  sleep 0.5
done
grep -q "Sentral started" "$work/server.log" || { cat "$work/server.log"; echo "interop: server did not start" >&2; exit 1; }

sipp_run() { # name, sipp args...
  local name=$1; shift
  if ! (cd "$work" && timeout 60 sipp "$@" -nostdin -timeout 40s -timeout_error >"$work/$name.out" 2>&1); then
    echo "interop: $name FAILED"; tail -40 "$work/$name.out"; tail -60 "$work/server.log"; exit 1
  fi
  echo "interop: $name ok"
}
sipp_count() { # file: successful calls
  grep -E "Successful call" "$1" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}'
}

S=interop/sipp
calls=10
# The PBX's answering side, then its registration pointing at it.
# UAS processes answer until killed: their call counts also include the server's OPTIONS pings
# (answered by -aa), so success is judged on the calling side.
(cd "$work" && exec timeout 120 sipp -sn uas -aa -i 127.0.0.1 -p 5070 -nostdin >"$work/pbx-uas.out" 2>&1) &
pbx_uas=$!
sipp_run register 127.0.0.1:5060 -sf "$PWD/$S/pbx-register.xml" -i 127.0.0.1 -p 5071 -m 1 \
  -au acme-pbx -ap acme-secret -key user acme-pbx -key contact_port 5070 -key expires 3600
sipp_run inbound 127.0.0.1:5060 -sn uac -i 127.0.0.2 -p 5062 -s +4722120005 -m $calls -r 5 -l 5 -d 200

# Outbound: the carrier gateway answers on 127.0.0.2:5060.
(cd "$work" && exec timeout 120 sipp -sn uas -aa -i 127.0.0.2 -p 5060 -nostdin >"$work/carrier-uas.out" 2>&1) &
carrier_uas=$!
sipp_run outbound 127.0.0.1:5060 -sf "$PWD/$S/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 5 -r 5 \
  -au acme-pbx -ap acme-secret -key caller +4722120001 -s 91234567
sipp_run static-trunk 127.0.0.1:5060 -sn uac -i 127.0.0.5 -p 5060 -s 0701234567 -m 1 -d 200
kill "$pbx_uas" "$carrier_uas" 2>/dev/null || true

echo "interop: all SIPp scenarios passed"
echo "interop: 4 passed, 0 failed"

#!/usr/bin/env bash
# Load baseline through Sentral with SIPp, on loopback only, bounded in calls and time:
#   calls:    carrier gateway (127.0.0.2) -> Sentral -> registered acme-pbx (SIPp uas on 127.0.0.1:5070)
#   register: acme-pbx REGISTER with digest (401 challenge + authenticated REGISTER per call)
# Prints achieved rate, failed calls and response-time percentiles (INVITE->200, REGISTER->200).
# Usage: bench/sipp-load.sh [CALLS] [CALL_RATE] [REGISTERS] [REGISTER_RATE]
# Starts its own server (app/target/sentral.jar, demo deployment, fresh data dir) on 127.0.0.1:5060.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
calls=${1:-2000}; rate=${2:-100}; registers=${3:-2000}; reg_rate=${4:-200}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  pkill -f "sipp -sn uas -aa -i 127.0.0.1 -p 5070" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. bench/demo-server.sh

percentiles() { # rtt csv -> p50 p90 p99 max (ms)
  awk -F';' 'NR>1 && $2 ~ /^[0-9.]+$/ {print $2}' "$@" | sort -n | awk '
    function at(q,  i) { i = int(NR * q); if (i < 1) i = 1; return v[i] }
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "n/a"; exit }
      printf "p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms (n=%d)\n", at(0.5), at(0.9), at(0.99), v[NR], NR
    }'
}
stat_of() { # screen log, counter -> cumulative value
  grep -E "^  $2 " "$1" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}'
}
report() { # name, screen log, seconds, rtt glob
  local ok failed secs=$3
  ok=$(stat_of "$2" "Successful call"); failed=$(stat_of "$2" "Failed call")
  printf '%-9s %s ok, %s failed in %.1fs = %.1f/s; %s\n' "$1" "$ok" "$failed" "$secs" \
    "$(awk -v n="$ok" -v s="$secs" 'BEGIN { if (s > 0) print n / s; else print 0 }')" "$(percentiles $4)"
}

cd "$work"
# answers until killed (-aa answers the server's OPTIONS pings without counting them as calls)
timeout 600 sipp -sn uas -aa -i 127.0.0.1 -p 5070 -nostdin >/dev/null 2>&1 &
uas=$!
sipp 127.0.0.1:5060 -sf "$OLDPWD/interop/sipp/pbx-register.xml" -i 127.0.0.1 -p 5071 -m 1 \
  -au acme-pbx -ap acme-secret -key user acme-pbx -key contact_port 5070 -key expires 3600 \
  -nostdin -timeout 10s >/dev/null 2>&1
t0=$(date +%s.%N)
timeout 600 sipp 127.0.0.1:5060 -sn uac -i 127.0.0.2 -p 5062 -s +4722120005 -m "$calls" -r "$rate" -l 500 -d 0 \
  -nostdin -timeout 580s -trace_screen -screen_file calls.screen -trace_rtt -rtt_freq 1 >/dev/null 2>&1 || true
call_secs=$(awk -v a="$(date +%s.%N)" -v b="$t0" "BEGIN { print a - b }")
kill "$uas" 2>/dev/null || true
t0=$(date +%s.%N)
timeout 600 sipp 127.0.0.1:5060 -sf "$OLDPWD/interop/sipp/pbx-register.xml" -i 127.0.0.1 -p 5071 \
  -m "$registers" -r "$reg_rate" -l 500 -au acme-pbx -ap acme-secret -key user acme-pbx -key contact_port 5070 \
  -key expires 3600 -nostdin -timeout 580s -trace_screen -screen_file register.screen -trace_rtt -rtt_freq 1 \
  >/dev/null 2>&1 || true
register_secs=$(awk -v a="$(date +%s.%N)" -v b="$t0" "BEGIN { print a - b }")

echo "Sentral SIPp baseline ($(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1))"
report calls calls.screen "$call_secs" "uac_*_rtt.csv"
report register register.screen "$register_secs" "pbx-register_*_rtt.csv"

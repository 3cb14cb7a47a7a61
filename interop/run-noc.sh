#!/usr/bin/env bash
# The NOC view, checked with a real Prometheus (issue 5, N1, S14): Prometheus (Debian package
# `prometheus`) runs on 127.0.0.1:9091 with docker/prometheus's rules, scraping the demo's
# /metrics every second, while SIPp places queue calls (Alice and Bob answer) and an emergency
# call from +4722120099, the acme number without a registered address. Then PromQL through
# Prometheus' HTTP API must show the answered queue calls and the EmergencyCallWithoutLocation
# alert pending or firing, and every query of the Grafana dashboard must evaluate (N2).
# Tracing (N3): the demo exports HEP v3 to a stand-in collector (SENTRAL_HEP_COLLECTOR), and
# the NOC account switches a trace on trunk acme-pbx through the API before the emergency call:
# both legs of that call must be in the trace and at the collector, correlated.
. "$(dirname "$0")/lib.sh"
command -v prometheus >/dev/null || { echo "interop: prometheus not found (apt-get install prometheus)" >&2; exit 1; }
promtool check rules docker/prometheus/alerts.yml >/dev/null
echo "interop: promtool-check-rules ok"; passed=$((passed + 1))
hep_port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 interop/hep-listener.py "$hep_port" "$work/hep.tsv" 240 &
hep_pid=$!
export SENTRAL_HEP_COLLECTOR=127.0.0.1:$hep_port
start_server

mkdir -p "$work/prometheus"
cp docker/prometheus/alerts.yml "$work/prometheus/"
sed -e 's/scrape_interval: 15s/scrape_interval: 1s/' -e 's/evaluation_interval: 15s/evaluation_interval: 1s/' \
  docker/prometheus/prometheus.yml > "$work/prometheus/prometheus.yml"
prometheus --config.file="$work/prometheus/prometheus.yml" --storage.tsdb.path="$work/prometheus/data" \
  --web.listen-address=127.0.0.1:9091 >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
trap 'kill "$prometheus_pid" "$hep_pid" 2>/dev/null; cleanup' EXIT

promql() {   # promql EXPR: the first sample's value, or empty
  curl -s --get --data-urlencode "query=$1" http://127.0.0.1:9091/api/v1/query \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")' 2>/dev/null
}
await_promql() {   # await_promql NAME EXPR EXPECTED: polls (bounded: 30 s) until EXPR gives EXPECTED
  for _ in $(seq 1 60); do
    [ "$(promql "$2")" = "$3" ] && { echo "interop: $1 ok"; passed=$((passed + 1)); return 0; }
    sleep 0.5
  done
  echo "interop: $1 FAILED: $2 = '$(promql "$2")', expected $3"; tail -20 "$work/prometheus.log"; exit 1
}
await_promql prometheus-scrapes-sentral 'up{job="sentral"}' 1

answerer 127.0.0.1 5081 -sf "$SCENARIOS/queue-agent.xml"
answerer 127.0.0.1 5082 -sf "$SCENARIOS/queue-agent.xml"
for agent in alice:5081 bob:5082; do
  sipp_run "register-${agent%:*}" 127.0.0.1:5060 -sf "$SCENARIOS/pbx-register.xml" -i 127.0.0.1 -p 5071 -m 1 \
    -au "${agent%:*}" -ap "${agent%:*}-secret" -key user "${agent%:*}" -key contact_port "${agent#*:}" -key expires 3600
done
sipp_run queue-calls 127.0.0.1:5060 -sf "$SCENARIOS/queue-caller.xml" -i 127.0.0.2 -p 5090 -m 4 -r 1 -l 4 -d 500 \
  -key caller +4791234567 -s +4723450000
stop_answerers
await_promql answered-queue-calls 'sum(sentral_queue_calls_total{tenant="fjord",queue="Sentralbord",outcome="answered"})' 4
await_promql agents-logged-in 'sum(sentral_queue_agents{tenant="fjord",queue="Sentralbord",state!="logged_out"})' 2

api() {   # api METHOD PATH: the demo's API as the NOC account; prints the status, then the body
  curl -s -u noc:noc-secret -X "$1" -w '\n%{http_code}' "http://127.0.0.1:8080$2"
}
check() {   # check NAME CONDITION...: counts a check that holds, stops the run on one that does not
  local name=$1; shift
  if "$@"; then echo "interop: $name ok"; passed=$((passed + 1)); else echo "interop: $name FAILED"; exit 1; fi
}
check trace-switched-on [ "$(api PUT /api/traces/trunks/acme-pbx | tail -1)" = 201 ]

answerer 127.0.0.4 5060 -sn uas
sipp_run emergency-no-address 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 1 -d 200 \
  -au acme-pbx -ap acme-secret -key caller +4722120099 -s 112
stop_answerers
await_promql emergency-alert 'count(ALERTS{alertname="EmergencyCallWithoutLocation"})' 1

emergency_call=$(api GET /api/traces | sed '$d' | python3 -c '
import json, sys
calls = [c for c in json.load(sys.stdin)["calls"] if c["callee"] == "112"]
print(calls[0]["callId"] if calls else "")')
check trace-has-the-emergency-call [ -n "$emergency_call" ]
api GET "/api/traces/calls/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' \
  "$emergency_call")?format=text" > "$work/trace.txt"
check trace-has-both-legs grep -q -- "-> 127.0.0.4:5060" "$work/trace.txt"
check trace-has-the-pbx-invite grep -q "^INVITE sip:112@sentral.test" "$work/trace.txt"
check trace-switched-off [ "$(api DELETE /api/traces/trunks/acme-pbx | tail -1)" = 204 ]

hep_has() {   # hep_has AWK-CONDITION: some packet at the collector matches
  for _ in $(seq 1 20); do
    awk -F'\t' -v a="$emergency_call" "$1 {found=1} END {exit !found}" "$work/hep.tsv" && return 0
    sleep 0.5
  done
  cat "$work/hep.tsv" | tail -20; return 1
}
check hep-incoming-leg hep_has '$4 == a && $3 == a && $5 ~ /^INVITE sip:112@/'
check hep-outgoing-leg-correlated hep_has '$2 == "127.0.0.4:5060" && $3 == a && $4 != a && $5 ~ /^INVITE /'
check hep-well-formed [ "$(grep -c '^MALFORMED' "$work/hep.tsv")" = 0 ]

check dashboard-queries python3 interop/check-dashboard.py docker/grafana/dashboards/sentral.json \
  docker/grafana/provisioning/datasources/prometheus.yaml docs/METRICS.md http://127.0.0.1:9091

echo "interop: all NOC checks passed"
echo "interop: $passed passed, 0 failed"

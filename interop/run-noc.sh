#!/usr/bin/env bash
# The NOC view, checked with a real Prometheus (issue 5, N1, S14): Prometheus (Debian package
# `prometheus`) runs on 127.0.0.1:9091 with docker/prometheus's rules, scraping the demo's
# /metrics every second, while SIPp places queue calls (Alice and Bob answer) and an emergency
# call from +4722120099, the acme number without a registered address. Then PromQL through
# Prometheus' HTTP API must show the answered queue calls and the EmergencyCallWithoutLocation
# alert pending or firing.
. "$(dirname "$0")/lib.sh"
command -v prometheus >/dev/null || { echo "interop: prometheus not found (apt-get install prometheus)" >&2; exit 1; }
promtool check rules docker/prometheus/alerts.yml >/dev/null
echo "interop: promtool-check-rules ok"; passed=$((passed + 1))
start_server

mkdir -p "$work/prometheus"
cp docker/prometheus/alerts.yml "$work/prometheus/"
sed -e 's/scrape_interval: 15s/scrape_interval: 1s/' -e 's/evaluation_interval: 15s/evaluation_interval: 1s/' \
  docker/prometheus/prometheus.yml > "$work/prometheus/prometheus.yml"
prometheus --config.file="$work/prometheus/prometheus.yml" --storage.tsdb.path="$work/prometheus/data" \
  --web.listen-address=127.0.0.1:9091 >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
trap 'kill "$prometheus_pid" 2>/dev/null; cleanup' EXIT

promql() {   # promql EXPR: the first sample's value, or empty
  curl -s --get --data-urlencode "query=$1" http://127.0.0.1:9091/api/v1/query \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")'
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

answerer 127.0.0.4 5060 -sn uas
sipp_run emergency-no-address 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 1 -d 200 \
  -au acme-pbx -ap acme-secret -key caller +4722120099 -s 112
stop_answerers
await_promql emergency-alert 'count(ALERTS{alertname="EmergencyCallWithoutLocation"})' 1

echo "interop: all NOC checks passed"
echo "interop: $passed passed, 0 failed"

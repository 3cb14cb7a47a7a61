#!/usr/bin/env bash
# SIPp scenarios for the switchboard (issue 4, S2-S4) against the demo deployment:
#   1. Alice's and Bob's phones register (digest) and answer offered calls after 1 s ringing;
#      12 callers from the carrier gateway (127.0.0.2) call the main number +4723450000 at 1/s:
#      each gets 182 Queued, then an agent; every call is answered, by both agents in turn
#      (longest idle, 5 s wrap-up, so callers wait in the queue meanwhile);
#   2. with no agent registered, a caller overflows at once from Sentralbord to Support (Carol not
#      registered either) and on to Carol's mobile +4791000103 through the carrier gateway.
. "$(dirname "$0")/lib.sh"
start_server
callers=12

register() {   # register USER CONTACT_PORT EXPIRES
  sipp_run "register-$1-$3" 127.0.0.1:5060 -sf "$SCENARIOS/pbx-register.xml" -i 127.0.0.1 -p 5071 -m 1 \
    -au "$1" -ap "$1-secret" -key user "$1" -key contact_port "$2" -key expires "$3"
}

answerer 127.0.0.1 5081 -sf "$SCENARIOS/queue-agent.xml"
answerer 127.0.0.1 5082 -sf "$SCENARIOS/queue-agent.xml"
register alice 5081 3600
register bob 5082 3600
sipp_run queue-callers 127.0.0.1:5060 -sf "$SCENARIOS/queue-caller.xml" -i 127.0.0.2 -p 5090 \
  -m "$callers" -r 1 -l "$callers" -d 1000 -key caller +4791234567 -s +4723450000
stop_answerers
by_alice=$(grep -c "answered by device [0-9]* of alice" "$work/server.log" || true)
by_bob=$(grep -c "answered by device [0-9]* of bob" "$work/server.log" || true)
echo "interop: queue calls answered by alice: $by_alice, by bob: $by_bob"
if [ "$by_alice" -lt 1 ] || [ "$by_bob" -lt 1 ] || [ $((by_alice + by_bob)) -ne "$callers" ]; then
  echo "interop: queue-agents FAILED (expected $callers calls shared by both agents)"; tail -60 "$work/server.log"
  exit 1
fi
echo "interop: queue-agents ok"; passed=$((passed + 1))

register alice 5081 0
register bob 5082 0
answerer 127.0.0.2 5060 -sf "$(template answer-if-matches EXPECTED_PATTERN 'INVITE sip:[+]4791000103@')"
sipp_run overflow-at-once 127.0.0.1:5060 -sf "$SCENARIOS/queue-caller.xml" -i 127.0.0.2 -p 5090 -m 1 -d 200 \
  -key caller +4791234567 -s +4723450000
stop_answerers

echo "interop: all switchboard scenarios passed"
echo "interop: $passed passed, 0 failed"

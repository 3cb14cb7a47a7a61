#!/usr/bin/env bash
# SIPp scenarios for trunk policy (issue 3, T4-T7) against the demo deployment:
#   - a spoofed caller-ID is rejected (acme: 403) and replaced (svea: the carrier sees +46812345600);
#   - 112 from svea (barred for international calls) reaches the PSAP on 127.0.0.4 with a PIDF-LO
#     carrying svea's registered address;
#   - 112 from +4722120099 (no registered address) still connects;
#   - acme's 31st concurrent call gets 503 (30-channel limit);
#   - with no carrier on 127.0.0.2 the call fails over to 127.0.0.3.
. "$(dirname "$0")/lib.sh"
start_server
acme=(-au acme-pbx -ap acme-secret)

sipp_run callerid-rejected 127.0.0.1:5060 -sf "$(template pbx-call-refused EXPECTED_STATUS 403)" \
  -i 127.0.0.1 -p 5072 -m 1 "${acme[@]}" -key caller +4723450101 -s 91234567

answerer 127.0.0.2 5060 -sf "$(template answer-if-matches EXPECTED_PATTERN 'From:[^>]*[+]46812345600')"
sipp_run callerid-replaced 127.0.0.1:5060 -sf "$SCENARIOS/trunk-call.xml" -i 127.0.0.5 -p 5060 -m 1 -d 200 \
  -key caller +4723450101 -s 0812345699
stop_answerers

answerer 127.0.0.4 5060 -sf "$(template answer-if-matches EXPECTED_PATTERN 'pidf[+]xml.*Drottninggatan')"
sipp_run emergency-barred-trunk 127.0.0.1:5060 -sf "$SCENARIOS/trunk-call.xml" -i 127.0.0.5 -p 5060 -m 1 -d 200 \
  -key caller +46812345601 -s 112
stop_answerers
answerer 127.0.0.4 5060 -sn uas
sipp_run emergency-no-address 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 1 -d 200 \
  "${acme[@]}" -key caller +4722120099 -s 112
stop_answerers
grep -q "EMERGENCY CALL WITHOUT LOCATION" "$work/server.log" \
  || { echo "interop: no alarm logged for the emergency call without address"; exit 1; }
echo "interop: emergency-alarm ok"; passed=$((passed + 1))

answerer 127.0.0.2 5060 -sn uas
answered_before=$(grep -c " answered by " "$work/server.log" || true)
(cd "$work" && timeout 90 sipp 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5073 -m 30 -r 8 \
   -l 30 -d 8000 "${acme[@]}" -key caller +4722120001 -s 91234567 -nostdin -timeout 60s >"$work/held.out" 2>&1) &
held=$!
for _ in $(seq 1 120); do   # until all 30 calls are up (bounded: 60 s)
  [ "$(grep -c " answered by " "$work/server.log" || true)" -ge $((answered_before + 30)) ] && break
  sleep 0.5
done
sipp_run channel-limit 127.0.0.1:5060 -sf "$(template pbx-call-refused EXPECTED_STATUS 503)" \
  -i 127.0.0.1 -p 5074 -m 1 "${acme[@]}" -key caller +4722120002 -s 91234568
wait "$held" || { echo "interop: the 30 held calls did not all succeed"; tail -30 "$work/held.out"; exit 1; }
echo "interop: channel-limit-held-calls ok"; passed=$((passed + 1))
stop_answerers

answerer 127.0.0.3 5060 -sn uas
sipp_run failover 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 1 -d 200 \
  "${acme[@]}" -key caller +4722120001 -s 91234567
stop_answerers

echo "interop: all policy scenarios passed"
echo "interop: $passed passed, 0 failed"

#!/usr/bin/env bash
# SIPp interop run against the demo deployment (../shared/DEMO.md), as a customer would see it
# (issue 2, T1-T4):
#   1. SIPp registers as the acme-pbx trunk (digest) with its Contact on 127.0.0.1:5070,
#      where a second SIPp answers calls (built-in uas scenario);
#   2. SIPp on 127.0.0.2 (the carrier gateway) calls +4722120005: every call must be answered;
#   3. SIPp as acme-pbx calls 91234567 (Norwegian national): the call must reach the carrier
#      gateway SIPp on 127.0.0.2:5060 and be answered;
#   4. SIPp on 127.0.0.5 (svea's static trunk, trusted by IP) calls 0812345699.
. "$(dirname "$0")/lib.sh"
start_server

answerer 127.0.0.1 5070 -sn uas
sipp_run register 127.0.0.1:5060 -sf "$SCENARIOS/pbx-register.xml" -i 127.0.0.1 -p 5071 -m 1 \
  -au acme-pbx -ap acme-secret -key user acme-pbx -key contact_port 5070 -key expires 3600
sipp_run inbound 127.0.0.1:5060 -sn uac -i 127.0.0.2 -p 5062 -s +4722120005 -m 10 -r 5 -l 5 -d 200

answerer 127.0.0.2 5060 -sn uas
sipp_run outbound 127.0.0.1:5060 -sf "$SCENARIOS/pbx-call-out.xml" -i 127.0.0.1 -p 5072 -m 5 -r 5 -d 300 \
  -au acme-pbx -ap acme-secret -key caller +4722120001 -s 91234567
sipp_run static-trunk 127.0.0.1:5060 -sf "$SCENARIOS/trunk-call.xml" -i 127.0.0.5 -p 5060 -m 1 -d 200 \
  -key caller +46812345601 -s 0812345699
stop_answerers

echo "interop: all SIPp scenarios passed"
echo "interop: $passed passed, 0 failed"

#!/usr/bin/env python3
"""A stand-in Homer collector for the interop run (N3): receives HEP v3 on UDP and writes one
tab-separated line per packet: source, destination, correlation id, Call-ID, first line.
Malformed datagrams are written as "MALFORMED <reason>". Stops after --seconds.

usage: hep-listener.py PORT OUTFILE SECONDS
"""
import socket
import struct
import sys
import time


def decode(data):
    if data[:4] != b"HEP3":
        raise ValueError("no HEP3 magic")
    total = struct.unpack("!H", data[4:6])[0]
    if total != len(data):
        raise ValueError(f"length {total} != {len(data)}")
    chunks, at = {}, 6
    while at < len(data):
        vendor, kind, length = struct.unpack("!HHH", data[at:at + 6])
        if length < 6 or at + length > len(data):
            raise ValueError(f"chunk {kind} length {length}")
        if vendor == 0:
            chunks[kind] = data[at + 6:at + length]
        at += length
    return chunks


def address(chunks, ip, ip6, port):
    raw = chunks.get(ip) or chunks.get(ip6)
    family = socket.AF_INET if ip in chunks else socket.AF_INET6
    return f"{socket.inet_ntop(family, raw)}:{struct.unpack('!H', chunks[port])[0]}"


def main():
    port, out, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    sock.settimeout(0.5)
    until = time.time() + seconds
    with open(out, "a", buffering=1) as lines:
        while time.time() < until:
            try:
                data = sock.recv(65535)
            except socket.timeout:
                continue
            try:
                c = decode(data)
                sip = c[15].decode("utf-8", "replace")
                call_id = next((l.split(":", 1)[1].strip() for l in sip.split("\r\n")
                                if l.lower().startswith(("call-id:", "i:"))), "")
                lines.write("\t".join([address(c, 3, 5, 7), address(c, 4, 6, 8),
                                       c.get(17, b"").decode(), call_id, sip.split("\r\n", 1)[0]]) + "\n")
            except (ValueError, KeyError, struct.error) as e:
                lines.write(f"MALFORMED {e}\n")


main()

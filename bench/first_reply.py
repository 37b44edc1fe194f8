#!/usr/bin/env python3
"""Start-up latency driver for bench/server.sh (not a timed test).

Usage: first_reply.py RUNS DEVICE COMMAND

Starts COMMAND through `sh -c` RUNS times (the way a remote shell starts the rmt server) and
plays what `mt-gnu -f host:DEVICE rewind` sends: O (read-only open), I6 1 (MTREW), C. Measures
from just before the process is started to the first reply line (the O reply: the client
cannot do anything before it), to the I reply, and to the process's exit. Prints one line per
run: `first_ms rewind_ms exit_ms`. The clock starts before fork, so both servers pay the same
fork, exec and `sh` costs; only what the server does before it answers differs.
"""
import subprocess
import sys
import time

runs = int(sys.argv[1])
device = sys.argv[2]
command = sys.argv[3]


def reply(stream):
    line = stream.readline()
    if not line:
        raise SystemExit("first_reply.py: %s: no reply" % command)
    if line.startswith(b"E"):
        stream.readline()  # the error text line
    return line


for _ in range(runs):
    t0 = time.perf_counter()
    p = subprocess.Popen(["sh", "-c", command], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, bufsize=0)
    p.stdin.write(b"O%s\n0\n" % device.encode())
    reply(p.stdout)
    t1 = time.perf_counter()
    p.stdin.write(b"I6\n1\n")
    reply(p.stdout)
    t2 = time.perf_counter()
    p.stdin.write(b"C\n")
    p.stdin.close()
    p.stdout.read()
    p.wait()
    t3 = time.perf_counter()
    print("%.2f %.2f %.2f" % ((t1 - t0) * 1000, (t2 - t0) * 1000, (t3 - t0) * 1000))

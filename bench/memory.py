#!/usr/bin/env python3
"""Memory-bound benchmark driver for bench/memory.sh (not a timed test).

Opens SESSIONS connections to an rmt411 server at 127.0.0.1:PORT. Each session opens its own
target (a plain file, or a tape drive /dev/nstN for every other session when DRIVES > 0), sends
one W of RECORD bytes with its full payload and reads the A reply, then sends the same W one
byte short and holds the connection open. While all are held, a control session writes and
reads back a small file and must get exact replies. Prints one line of key=value results.
"""
import os
import socket
import sys
import threading
import time

port = int(sys.argv[1])
sessions = int(os.environ.get("SESSIONS", "64"))
record = int(os.environ.get("RECORD", "16777215"))
drives = int(os.environ.get("DRIVES", "0"))
hold = float(os.environ.get("HOLD_SECONDS", "5"))

chunk = bytes(range(256)) * 4096  # 1 MiB pattern


def send_payload(sock, length):
    left = length
    while left > 0:
        n = min(left, len(chunk))
        sock.sendall(chunk[:n])
        left -= n


def read_line(sock):
    out = b""
    while not out.endswith(b"\n"):
        b = sock.recv(1)
        if not b:
            raise ConnectionError("server closed the connection after " + repr(out))
        out += b
    return out


results = {"full_ok": 0, "full_failed": 0, "short_held": 0}
lock = threading.Lock()
held = []


def session(i):
    try:
        run_session(i)
    except OSError as e:  # refused, reset, closed: the server failed this session
        with lock:
            results["full_failed"] += 1
            results.setdefault("first_error", str(e))


def run_session(i):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    name = "/dev/nst%d" % (i // 2) if drives and i % 2 == 1 and i // 2 < drives else "/mem-%d" % i
    s.sendall(("O%s\n%s\n" % (name, "2" if name.startswith("/dev/") else "577")).encode())
    opened = read_line(s)
    s.sendall(b"W%d\n" % record)
    send_payload(s, record)
    reply = read_line(s)
    with lock:
        ok = opened == b"A0\n" and reply == b"A%d\n" % record
        results["full_ok" if ok else "full_failed"] += 1
        if not ok:
            results.setdefault("first_error", "%s: %r %r" % (name, opened, reply))
    s.sendall(b"W%d\n" % record)
    send_payload(s, record - 1)
    with lock:
        results["short_held"] += 1
        held.append(s)


threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
loaded = time.time() - start

# The control session, while every other session sits on a record one byte short.
t0 = time.time()
got = b""
want = b"A0\nA5\nA0\nA5\nhelloA0\n"
try:
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(b"O/control\n578\nW5\nhelloL0\n0\nR5\nC\n")
    while len(got) < len(want):
        b = c.recv(64)
        if not b:
            break
        got += b
    c.close()
except OSError as e:
    got += (" (%s)" % e).encode()
control_ms = (time.time() - t0) * 1000

time.sleep(hold)
for s in held:
    s.close()
print("sessions=%d record=%d full_ok=%d full_failed=%d short_held=%d load_s=%.1f control=%s control_ms=%.0f%s"
      % (sessions, record, results["full_ok"], results["full_failed"], results["short_held"], loaded,
         "ok" if got == want else "FAILED:" + repr(got), control_ms,
         " first_error=%r" % results["first_error"] if "first_error" in results else ""))

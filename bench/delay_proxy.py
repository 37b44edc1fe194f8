#!/usr/bin/env python3
"""A delay line for benchmarks: a TCP forwarder that holds every chunk for a one-way delay in each
direction, like a long link, without limiting throughput (chunks are read and time-stamped as
they come and written out when their time is up, many in flight at once: not stop-and-wait).

    delay_proxy.py TARGET_PORT ONE_WAY_MS PORT_FILE

Listens on 127.0.0.1 on a free port, writes that port to PORT_FILE, and forwards every accepted
connection to 127.0.0.1:TARGET_PORT. Runs until killed. Loopback only.
"""
import queue
import socket
import sys
import threading
import time

CHUNK = 256 * 1024
MAX_CHUNKS = 1024  # at most 256 MiB held per direction


def pump(src, dst, delay):
    held = queue.Queue(MAX_CHUNKS)

    def reader():
        while True:
            try:
                data = src.recv(CHUNK)
            except OSError:
                data = b""
            held.put((time.monotonic() + delay, data))
            if not data:
                return

    def writer():
        while True:
            due, data = held.get()
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            if not data:
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
                return
            try:
                dst.sendall(data)
            except OSError:
                return

    threads = [threading.Thread(target=reader, daemon=True), threading.Thread(target=writer, daemon=True)]
    for t in threads:
        t.start()
    return threads


def serve(client, target_port, delay):
    server = socket.create_connection(("127.0.0.1", target_port))
    for s in (client, server):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    threads = pump(client, server, delay) + pump(server, client, delay)
    for t in threads:
        t.join()
    client.close()
    server.close()


def main():
    target_port, one_way_ms, port_file = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(listener.getsockname()[1]))
    import os
    os.rename(port_file + ".tmp", port_file)
    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client, target_port, one_way_ms / 1000.0), daemon=True).start()


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Benchmark (not a timed test): is the server's memory bounded by configuration, not by what
# clients claim or send? Starts rmt-server with -Xmx256m on a free loopback port, then 64
# sessions each send W16777215 with its full payload, then the same W one byte short, and hold
# the connection open (bench/memory.py). Half the sessions write plain files, half tape drives.
# Reports: OutOfMemoryError count (must be 0), whether every session and a control session
# were served, the server's peak RSS (VmHWM) and heap limit, and files left by the cut-short W.
#
#   bench/memory.sh                       # 64 sessions, 16 MiB - 1 records, -Xmx256m
#   SESSIONS=16 RECORD=1048576 bench/memory.sh
#   BENCH_DIR=/dev/shm bench/memory.sh    # targets in memory (needs ~1.5 GiB there)
#
# Expects the server jar built (mvn -q package -DskipTests).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${RMT411_JAR:-$here/rmt-server/target/rmt-server.jar}
sessions=${SESSIONS:-64}
heap=${HEAP:-256m}
[ -f "$jar" ] || { echo "missing $jar: run mvn -q package -DskipTests first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "missing python3" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-mem.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

drives=$((sessions / 2))
java -Xmx"$heap" -XX:+ExitOnOutOfMemoryError -jar "$jar" --port 0 --root "$work/root" \
  --max-sessions $((sessions + 8)) --drives "$drives" --capacity 64M 2>"$work/server.log" &
pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on .*:\([0-9][0-9]*\), root.*/\1/p' "$work/server.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

result=$(DRIVES="$drives" SESSIONS="$sessions" python3 "$here/bench/memory.py" "$port")
alive=yes; kill -0 "$pid" 2>/dev/null || alive=no
hwm=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status" 2>/dev/null || echo "?")
oom=$(grep -c OutOfMemoryError "$work/server.log" || true)
# The held sessions were just closed: give the server a moment to take back their cut-short W.
sleep 2
# Every plain file holds exactly one whole record, every tape one record and its filemark.
record=${RECORD:-16777215}
bad=0
for f in "$work"/root/mem-*; do
  [ "$(stat -c %s "$f")" = "$record" ] || bad=$((bad + 1))
done
for f in "$work"/root/library/*.tap; do
  [ -e "$f" ] || continue
  [ "$(stat -c %s "$f")" = "$((record + record % 2 + 12))" ] || bad=$((bad + 1))
done
echo "$result"
echo "server_alive=$alive oom_errors=$oom heap_limit=$heap peak_rss=\"$hwm\" targets_with_partial_W=$bad"

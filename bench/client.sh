#!/usr/bin/env bash
# Benchmark: rmt-client backing up a tree to rmt411 over TCP, against GNU tar writing the same
# tree through GNU rmt (/usr/sbin/rmt-tar) over a pipe-based remote shell, and against a local
# `tar -cf` to a file, in the same run. Prints MB/s and the ratios client/GNU and client/local.
#
#   bench/client.sh                       # 1 GiB tree, best of 2 runs
#   SIZE_MIB=256 RUNS=3 bench/client.sh
#
# Expects the jars built (mvn -q package -DskipTests). Uses a temp dir and a free loopback port;
# stops the server and removes everything at exit.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
server_jar=${RMT411_SERVER_JAR:-$here/rmt-server/target/rmt-server.jar}
client_jar=${RMT411_CLIENT_JAR:-$here/rmt-client/target/rmt-client.jar}
gnu_rmt=${GNU_RMT:-/usr/sbin/rmt-tar}
size=${SIZE_MIB:-1024}
runs=${RUNS:-2}
for f in "$server_jar" "$client_jar"; do
  [ -f "$f" ] || { echo "missing $f: run mvn -q package -DskipTests first" >&2; exit 1; }
done
[ -x "$gnu_rmt" ] || { echo "missing $gnu_rmt: apt-get install tar" >&2; exit 1; }

work=$(mktemp -d /tmp/rmt411-client-bench.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/src/big" "$work/src/small" "$work/root" "$work/local"
cat > "$work/fakersh" <<'SH'
#!/bin/sh
# Fake remote shell: RSH host [-l user] command, run here (nothing leaves the machine).
shift
if [ "$1" = "-l" ]; then shift 2; fi
exec "$@"
SH
chmod +x "$work/fakersh"

# The tree: incompressible 4 MiB files making up SIZE_MIB, plus 2000 small files for per-entry cost.
head -c "$((size * 1024 * 1024))" /dev/urandom | split -b 4194304 -a 4 - "$work/src/big/f"
for i in $(seq 2000); do printf 'small file %d\n' "$i" > "$work/src/small/s$i.txt"; done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -jar "$server_jar" --bind 127.0.0.1 --port "$port" --root "$work/root" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "listening" "$work/server.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "listening" "$work/server.log" || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

now() { date +%s.%N; }
seconds() { echo "$1 $2" | awk '{printf "%.3f", $2 - $1}'; }

time_client() {
  local start; start=$(now)
  java -jar "$client_jar" backup -q -b 20 -f "127.0.0.1:/c.tar" --port "$port" "$work/src" 2>>"$work/client.log"
  seconds "$start" "$(now)"
}
time_gnu() {
  local start; start=$(now)
  tar -b 20 -cf "localhost:$work/g.tar" --rsh-command="$work/fakersh" --rmt-command="$gnu_rmt" -C "$work" src
  seconds "$start" "$(now)"
}
time_local() {
  local start; start=$(now)
  tar -b 20 -cf "$work/local/l.tar" -C "$work" src
  seconds "$start" "$(now)"
}

best() { printf '%s\n' "$@" | sort -n | head -1; }
tc=""; tg=""; tl=""
tar -cf /dev/null -C "$work" src # warm the page cache once for everyone
for run in $(seq "$runs"); do
  # Rotate the order so no contender always runs first.
  case $((run % 3)) in
    1) tc="$tc $(time_client)"; tg="$tg $(time_gnu)"; tl="$tl $(time_local)" ;;
    2) tg="$tg $(time_gnu)"; tl="$tl $(time_local)"; tc="$tc $(time_client)" ;;
    0) tl="$tl $(time_local)"; tc="$tc $(time_client)"; tg="$tg $(time_gnu)" ;;
  esac
  rm -f "$work/root/c.tar" "$work/g.tar" "$work/local/l.tar"
done
# One more client run kept for a sanity check: GNU tar must list what the client wrote.
time_client >/dev/null
tar -tf "$work/root/c.tar" >/dev/null || { echo "GNU tar cannot read the client's archive!" >&2; exit 2; }
bytes=$(stat -c %s "$work/root/c.tar")

bc_=$(best $tc); bg=$(best $tg); bl=$(best $tl)
echo "tree: ${size} MiB in 4 MiB files + 2000 small files; archive ${bytes} bytes; -b 20; best of ${runs} runs"
echo "$bytes $bc_ $bg $bl" | awk '{
  c = $1 / 1e6 / $2; g = $1 / 1e6 / $3; l = $1 / 1e6 / $4;
  printf "%-44s %8.1f MB/s (%6.2f s)\n", "rmt-client -> rmt411 over TCP", c, $2;
  printf "%-44s %8.1f MB/s (%6.2f s)\n", "GNU tar -> GNU rmt over a pipe (fake rsh)", g, $3;
  printf "%-44s %8.1f MB/s (%6.2f s)\n", "GNU tar -cf local file", l, $4;
  printf "client / GNU tar+rmt: %.2fx (target >= 1.5x)\n", c / g;
  printf "client / local tar:   %.2fx (target >= 0.8x)\n", c / l }'

#!/usr/bin/env bash
# Benchmark: rmt-client backing up a tree to rmt411 over TCP, against GNU tar writing the same
# tree through GNU rmt (/usr/sbin/rmt-tar) over a pipe-based remote shell, and against a local
# `tar -cf` to a file, in the same run. Prints MB/s and the ratios client/GNU and client/local.
# Two more lines take the client apart: the floor of the transport (the finished archive copied
# file -> TCP -> file by two socat processes: no tar, no protocol, no JVM) and the server alone
# (the client's recorded request stream replayed into rmt411 by socat).
# Then incremental backups: a level 0 by each tool with its snapshot file (-g), 1 % of the files
# changed, and each run a level 1 against a fresh copy of the level-0 snapshot: rmt-client -g
# against GNU tar -g through GNU rmt, timed in the same rotation, with both archives' sizes.
#
#   bench/client.sh                       # 1 GiB tree, best of 3 runs
#   SIZE_MIB=256 RUNS=5 bench/client.sh
#   BENCH_DIR=/dev/shm bench/client.sh    # tree and archives in memory: no disk write-back noise
#   MV_CAPACITY=64M bench/client.sh       # multi-volume part on 64 MiB cartridges (MV_RUNS=0 skips it)
#
# Expects the jars built (mvn -q package -DskipTests) and socat. Uses a temp dir and free
# loopback ports; stops the server and removes everything at exit.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
server_jar=${RMT411_SERVER_JAR:-$here/rmt-server/target/rmt-server.jar}
client_jar=${RMT411_CLIENT_JAR:-$here/rmt-client/target/rmt-client.jar}
gnu_rmt=${GNU_RMT:-/usr/sbin/rmt-tar}
size=${SIZE_MIB:-1024}
runs=${RUNS:-3}
for f in "$server_jar" "$client_jar"; do
  [ -f "$f" ] || { echo "missing $f: run mvn -q package -DskipTests first" >&2; exit 1; }
done
[ -x "$gnu_rmt" ] || { echo "missing $gnu_rmt: apt-get install tar" >&2; exit 1; }
command -v socat >/dev/null || { echo "missing socat: apt-get install socat" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-client-bench.XXXXXX")
server_pid=""
mv_server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$mv_server_pid" ]; then kill "$mv_server_pid" 2>/dev/null || true; wait "$mv_server_pid" 2>/dev/null || true; fi
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
# Write the new tree back now: on a disk, its write-back would otherwise run during the timings.
sync

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
await_listening() { # LOG
  for _ in $(seq 100); do
    grep -q "listening" "$1" 2>/dev/null && break
    sleep 0.1
  done
  grep -q "listening" "$1" || { echo "server did not start:" >&2; cat "$1" >&2; exit 1; }
}
port=$(free_port)
java -jar "$server_jar" --bind 127.0.0.1 --port "$port" --root "$work/root" 2>"$work/server.log" &
server_pid=$!
await_listening "$work/server.log"

now() { date +%s.%N; }
seconds() { echo "$1 $2" | awk '{printf "%.3f", $2 - $1}'; }

# timed OUTPUT COMMAND...: prints the command's wall time, then deletes OUTPUT (unless
# KEEP_OUTPUT is set) so its dirty pages do not burden the next contender.
timed() {
  local output=$1 start took; shift
  start=$(now)
  "$@"
  took=$(seconds "$start" "$(now)")
  [ -n "${KEEP_OUTPUT:-}" ] || rm -f "$output"
  echo "$took"
}
client_backup() {
  java -jar "$client_jar" backup -q -b 20 -f "127.0.0.1:/c.tar" --port "$port" "$work/src" 2>>"$work/client.log"
}
time_client() { timed "$work/root/c.tar" client_backup; }
time_gnu() {
  timed "$work/g.tar" tar -b 20 -cf "localhost:$work/g.tar" --rsh-command="$work/fakersh" \
    --rmt-command="$gnu_rmt" -C "$work" src
}
time_local() { timed "$work/local/l.tar" tar -b 20 -cf "$work/local/l.tar" -C "$work" src; }
# The server alone: the client's whole request stream (O, one W per 10240-byte record, C),
# recorded beforehand, replayed into rmt411 by socat (a C client with no start-up and no tar
# work); replies are read and discarded. Timed until the server has closed the connection.
replay_requests() { socat -b 262144 - "TCP:127.0.0.1:$port" <"$work/requests.bin" >/dev/null; }
time_server() { timed "$work/root/s.tar" replay_requests; }
# The transport's floor: a ready archive copied by socat over loopback TCP into a file by a second
# socat, 256 KiB buffers on both sides, timed until the receiving side has closed its file.
time_floor() {
  local fport receiver; fport=$(free_port)
  socat -b 262144 -u "TCP-LISTEN:$fport,bind=127.0.0.1,reuseaddr" "OPEN:$work/floor.tar,creat,trunc" &
  receiver=$!
  # Wait for the listener without connecting to it (it accepts only once): LISTEN is state 0A.
  for _ in $(seq 100); do
    grep -qi ":$(printf '%04X' "$fport") 00000000:0000 0A" /proc/net/tcp && break
    sleep 0.05
  done
  copy_to_floor() { socat -b 262144 -u "OPEN:$work/floor-src.tar" "TCP:127.0.0.1:$fport" && wait "$receiver"; }
  timed "$work/floor.tar" copy_to_floor
}

best() { printf '%s\n' "$@" | sort -n | head -1; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
tar -b 20 -cf "$work/floor-src.tar" -C "$work" src # also warms the page cache once for everyone
python3 - "$work/floor-src.tar" "$work/requests.bin" <<'PY'
import sys
with open(sys.argv[1], "rb") as archive, open(sys.argv[2], "wb") as out:
    out.write(b"O/s.tar\n577\n")  # O_WRONLY|O_CREAT|O_TRUNC, as the client opens
    while record := archive.read(10240):
        out.write(b"W%d\n" % len(record) + record)
    out.write(b"C\n")
PY
sync
tc=""; tg=""; tl=""; tf=""; ts=""
for run in $(seq "$runs"); do
  # Rotate the order so no contender always runs first.
  case $((run % 4)) in
    1) tc="$tc $(time_client)"; tg="$tg $(time_gnu)"; tl="$tl $(time_local)"; tf="$tf $(time_floor)" ;;
    2) tg="$tg $(time_gnu)"; tl="$tl $(time_local)"; tf="$tf $(time_floor)"; tc="$tc $(time_client)" ;;
    3) tl="$tl $(time_local)"; tf="$tf $(time_floor)"; tc="$tc $(time_client)"; tg="$tg $(time_gnu)" ;;
    0) tf="$tf $(time_floor)"; tc="$tc $(time_client)"; tg="$tg $(time_gnu)"; tl="$tl $(time_local)" ;;
  esac
  ts="$ts $(time_server)"
done
# One more client run kept for a sanity check: GNU tar must list what the client wrote.
KEEP_OUTPUT=1 time_client >/dev/null
tar -tf "$work/root/c.tar" >/dev/null || { echo "GNU tar cannot read the client's archive!" >&2; exit 2; }
bytes=$(stat -c %s "$work/root/c.tar")

echo "tree: ${size} MiB in 4 MiB files + 2000 small files; archive ${bytes} bytes; -b 20; ${runs} runs in $(dirname "$work")"
printf '%-50s %10s %10s\n' "" "best" "median"
line() { # label, times...
  local label=$1; shift
  echo "$bytes $(best "$@") $(median "$@")" | awk -v l="$label" '{printf "%-50s %5.0f MB/s %5.0f MB/s (%.2f s, %.2f s)\n", l, $1 / 1e6 / $2, $1 / 1e6 / $3, $2, $3}'
}
line "rmt-client -> rmt411 over TCP" $tc
line "GNU tar -> GNU rmt over a pipe (fake rsh)" $tg
line "GNU tar -cf local file" $tl
line "floor: archive file -> socat -> TCP -> socat" $tf
line "server alone: recorded requests -> socat -> rmt411" $ts
echo "$(best $tc) $(best $tg) $(best $tl) $(best $tf) $(median $tc) $(median $tg) $(median $tl) $(median $tf) $(best $ts) $(median $ts)" | awk '{
  printf "client / GNU tar+rmt: %.2fx best, %.2fx median (target >= 1.5x)\n", $2 / $1, $6 / $5;
  printf "client / local tar:   %.2fx best, %.2fx median (target >= 0.8x)\n", $3 / $1, $7 / $5;
  printf "floor / local tar:    %.2fx best, %.2fx median (what loopback TCP alone allows)\n", $3 / $4, $7 / $8;
  printf "server alone / local: %.2fx best, %.2fx median (rmt411 fed by a C client)\n", $3 / $9, $7 / $10 }'

# Incremental: level 0 once per tool, then change 1 % of the files (every 100th in name order,
# a line appended: mtime and ctime move), then time level 1 against a copy of each level-0
# snapshot, so every run dumps the same change.
client_incremental() { # archive snapshot
  java -jar "$client_jar" backup -q -b 20 -f "127.0.0.1:/$1" --port "$port" -g "$2" "$work/src" 2>>"$work/client.log"
}
gnu_incremental() { # archive snapshot
  tar -b 20 -cf "localhost:$1" --rsh-command="$work/fakersh" --rmt-command="$gnu_rmt" -g "$2" -C "$work" src
}
client_incremental ci0.tar "$work/client0.snar"
gnu_incremental "$work/gi0.tar" "$work/gnu0.snar"
files=$(find "$work/src" -type f | wc -l)
find "$work/src" -type f | sort | awk 'NR % 100 == 0' | while read -r f; do echo changed >> "$f"; done
changed=$(find "$work/src" -type f -newer "$work/gnu0.snar" | wc -l)
sync
time_client_l1() { cp "$work/client0.snar" "$work/client1.snar"; timed "$work/root/ci1.tar" client_incremental ci1.tar "$work/client1.snar"; }
time_gnu_l1() { cp "$work/gnu0.snar" "$work/gnu1.snar"; timed "$work/gi1.tar" gnu_incremental "$work/gi1.tar" "$work/gnu1.snar"; }
# And a level 2 with nothing changed since level 1: the cost of start-up and of the scan alone.
time_client_l2() { cp "$work/client1.snar" "$work/client2.snar"; timed "$work/root/ci2.tar" client_incremental ci2.tar "$work/client2.snar"; }
time_gnu_l2() { cp "$work/gnu1.snar" "$work/gnu2.snar"; timed "$work/gi2.tar" gnu_incremental "$work/gi2.tar" "$work/gnu2.snar"; }
ic=""; ig=""; nc=""; ng=""
for run in $(seq "$runs"); do
  if [ $((run % 2)) -eq 1 ]; then ic="$ic $(time_client_l1)"; ig="$ig $(time_gnu_l1)"; nc="$nc $(time_client_l2)"; ng="$ng $(time_gnu_l2)"
  else ig="$ig $(time_gnu_l1)"; ic="$ic $(time_client_l1)"; ng="$ng $(time_gnu_l2)"; nc="$nc $(time_client_l2)"; fi
done
KEEP_OUTPUT=1 time_client_l1 >/dev/null
KEEP_OUTPUT=1 time_gnu_l1 >/dev/null
tar -tf "$work/root/ci1.tar" -g /dev/null >/dev/null || { echo "GNU tar cannot read the client's level 1!" >&2; exit 2; }
csize=$(stat -c %s "$work/root/ci1.tar"); gsize=$(stat -c %s "$work/gi1.tar")
cmembers=$(tar -tf "$work/root/ci1.tar" | grep -vc '/$'); gmembers=$(tar -tf "$work/gi1.tar" | grep -vc '/$')
echo
echo "incremental level 1: ${changed} of ${files} files changed; ${runs} runs"
printf '%-50s %10s %10s %12s %8s\n' "" "best" "median" "archive" "files"
printf '%-50s %8.2f s %8.2f s %12d %8d\n' "rmt-client -g -> rmt411 over TCP" "$(best $ic)" "$(median $ic)" "$csize" "$cmembers"
printf '%-50s %8.2f s %8.2f s %12d %8d\n' "GNU tar -g -> GNU rmt over a pipe (fake rsh)" "$(best $ig)" "$(median $ig)" "$gsize" "$gmembers"
printf '%-50s %8.2f s %8.2f s\n' "rmt-client -g, nothing changed (level 2)" "$(best $nc)" "$(median $nc)"
printf '%-50s %8.2f s %8.2f s\n' "GNU tar -g, nothing changed (level 2)" "$(best $ng)" "$(median $ng)"
echo "$(best $ic) $(best $ig) $(median $ic) $(median $ig) $csize $gsize" | awk '{
  printf "level 1 time, client / GNU tar: %.2fx best, %.2fx median (below 1: the client is faster)\n", $1 / $2, $3 / $4;
  printf "level 1 archive, client / GNU tar: %.3fx\n", $5 / $6 }'

# Multi-volume: the same tree written with -M across volume changes, on cartridges of
# MV_CAPACITY (2 MiB early warning; at each ENOSPC the client closes the volume, sends mt offline
# and the server's autoloader loads the next cartridge), against the same backup on one 8 GiB
# cartridge of the first server, without -M (32 writes in flight) and with -M (one write at a
# time, as -M writes), in the same run, order rotated. Each run starts again from VT0001 at BOT.
mv_runs=${MV_RUNS:-$runs}
[ "$mv_runs" -gt 0 ] || exit 0
mv_capacity=${MV_CAPACITY:-128M}
mkdir -p "$work/mvroot"
mv_port=$(free_port)
java -jar "$server_jar" --bind 127.0.0.1 --port "$mv_port" --root "$work/mvroot" \
  --capacity "$mv_capacity" --early-warning 2M 2>"$work/mv-server.log" &
mv_server_pid=$!
await_listening "$work/mv-server.log"
first_cartridge() { # ROOT PORT: VT0001 back into drive 0 at BOT, once the last session has let go
  [ -f "$1/library/VT0001.tap" ] || return 0
  for _ in $(seq 100); do
    java -jar "$server_jar" drives load 0 VT0001 --root "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "cannot load VT0001 under $1" >&2; exit 1
}
client_tape() { # PORT EXTRA-OPTIONS...
  local p=$1; shift
  java -jar "$client_jar" backup -q -b 20 -f 127.0.0.1:/dev/nst0 --port "$p" "$@" "$work/src" 2>>"$work/client.log"
}
time_single() { first_cartridge "$work/root"; timed "$work/none" client_tape "$port"; }
time_single_m() { first_cartridge "$work/root"; timed "$work/none" client_tape "$port" -M; }
time_multi() { first_cartridge "$work/mvroot"; timed "$work/none" client_tape "$mv_port" -M; }
t1=""; t2=""; t3=""
for run in $(seq "$mv_runs"); do
  case $((run % 3)) in
    1) t1="$t1 $(time_single)"; t2="$t2 $(time_single_m)"; t3="$t3 $(time_multi)" ;;
    2) t2="$t2 $(time_single_m)"; t3="$t3 $(time_multi)"; t1="$t1 $(time_single)" ;;
    0) t3="$t3 $(time_multi)"; t1="$t1 $(time_single)"; t2="$t2 $(time_single_m)" ;;
  esac
done
volumes=$(ls "$work/mvroot/library/"*.tap | wc -l)
echo
echo "multi-volume: the same archive; cartridges of $mv_capacity (2M early warning): $volumes volumes, $((volumes - 1)) changes; ${mv_runs} runs"
printf '%-50s %10s %10s\n' "" "best" "median"
line "backup -> one 8 GiB cartridge" $t1
line "backup -M -> one 8 GiB cartridge" $t2
line "backup -M -> $volumes cartridges of $mv_capacity" $t3
echo "$(best $t1) $(best $t2) $(best $t3) $(median $t1) $(median $t2) $(median $t3)" | awk '{
  printf "across volumes / one volume:       %.2fx best, %.2fx median\n", $1 / $3, $4 / $6;
  printf "across volumes / one volume (-M):  %.2fx best, %.2fx median (the cost of the changes alone)\n", $2 / $3, $5 / $6 }'

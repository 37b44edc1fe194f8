#!/usr/bin/env bash
# Benchmark over an emulated long link: every contender talks through bench/delay_proxy.py, a
# delay line holding each chunk ONE_WAY ms in each direction (RTT = 2 x ONE_WAY) without
# limiting throughput. Per RTT, in the same run, rotated order, medians of RUNS:
#
#   floor    the finished archive copied file -> socat -> proxy -> socat -> file
#   backup   rmt411 backup -> proxy -> rmt411 server (TCP), writing a file
#   bridge   GNU tar -> rmt411 bridge --write-behind -> proxy -> rmt411 server, writing a file
#   gnu      GNU tar -> socat (the remote shell) -> proxy -> socat-served GNU rmt (/usr/sbin/rmt-tar)
#
# Then reading back (READBACK_MIB, default 16; 0 skips it): one archive on the virtual tape
# /dev/nst0, listed after a rewind (mt-gnu, not through the delay line) by
#
#   list     rmt411 list -> proxy -> rmt411 server: R pipelined up to the next filemark (I-412)
#   one      GNU tar -t -> socat -> proxy -> rmt411 server: one R per round trip, as a reader
#            without the records-ahead extension (and rmt411 against GNU rmt) reads a tape
#
# Figures are throughput ratios to the floor. GNU tar to GNU rmt waits one RTT per record, so its
# rate does not depend on the size: it writes a smaller tree (GNU_MIB) to keep the run short.
#
#   bench/latency.sh                       # RTTS="0 1 10" ms, SIZE_MIB=512, GNU_MIB=4, RUNS=3
#   RTTS=10 SIZE_MIB=512 RUNS=5 bench/latency.sh
#   RTTS="1 10" SIZE_MIB=0 READBACK_MIB=16 bench/latency.sh   # read-back only
#
# Expects the jars (mvn -q package -DskipTests), socat and python3. Loopback only, free ports
# picked at run time; every process started here is stopped by its PID at exit.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
server_jar=${RMT411_SERVER_JAR:-$here/rmt-server/target/rmt-server.jar}
client_jar=${RMT411_CLIENT_JAR:-$here/rmt-client/target/rmt-client.jar}
gnu_rmt=${GNU_RMT:-/usr/sbin/rmt-tar}
size=${SIZE_MIB:-512}
gnu_size=${GNU_MIB:-4}
runs=${RUNS:-3}
readback=${READBACK_MIB:-16}
rtts=${RTTS:-"0 1 10"}
for f in "$server_jar" "$client_jar" "$gnu_rmt"; do
  [ -e "$f" ] || { echo "missing $f (mvn -q package -DskipTests; apt-get install tar)" >&2; exit 1; }
done
command -v socat >/dev/null || { echo "missing socat: apt-get install socat" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-latency.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/src" "$work/gsrc" "$work/root"
head -c "$((size * 1024 * 1024))" /dev/urandom | split -b 4194304 -a 4 - "$work/src/f"
head -c "$((gnu_size * 1024 * 1024))" /dev/urandom | split -b 4194304 -a 4 - "$work/gsrc/f"
tar -b 20 -cf "$work/floor-src.tar" -C "$work" src
sync

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
listening() { # port: wait until something listens there (LISTEN is state 0A), without connecting
  for _ in $(seq 600); do
    grep -qiE ":$(printf '%04X' "$1") 0+:0000 0A" /proc/net/tcp /proc/net/tcp6 && return 0
    sleep 0.05
  done
  echo "nothing listens on $1" >&2; exit 1
}
# proxy TARGET_PORT ONE_WAY_MS: starts a delay line; sets proxy_port and proxy_pid (no subshell,
# so that its PID is remembered for the stop at exit).
proxy() {
  local file="$work/proxy.$1.$2"
  rm -f "$file"
  python3 "$here/bench/delay_proxy.py" "$1" "$2" "$file" & proxy_pid=$!; pids+=("$proxy_pid")
  for _ in $(seq 600); do [ -s "$file" ] && break; sleep 0.05; done
  proxy_port=$(cat "$file")
}

rmt411_port=$(free_port)
java -jar "$server_jar" --bind 127.0.0.1 --port "$rmt411_port" --root "$work/root" 2>"$work/server.log" & pids+=($!)
listening "$rmt411_port"
gnu_port=$(free_port)
socat "TCP-LISTEN:$gnu_port,bind=127.0.0.1,reuseaddr,fork,nodelay" "EXEC:$gnu_rmt" & pids+=($!)
listening "$gnu_port"

now() { date +%s.%N; }
timed() { local start; start=$(now); "$@"; echo "$(now) $start" | awk '{printf "%.3f", $1 - $2}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# floor ONE_WAY: the finished archive copied through a fresh delay line into a file, timed
# until the receiving socat has closed the file; sets floor_took (no subshell: see proxy).
floor() {
  local fport receiver start
  fport=$(free_port)
  socat -b 262144 -u "TCP-LISTEN:$fport,bind=127.0.0.1,reuseaddr" "OPEN:$work/floor.tar,creat,trunc" & receiver=$!
  listening "$fport"
  proxy "$fport" "$1"
  start=$(now)
  socat -b 262144 -u "OPEN:$work/floor-src.tar" "TCP:127.0.0.1:$proxy_port,nodelay"
  wait "$receiver"
  floor_took=$(echo "$(now) $start" | awk '{printf "%.3f", $1 - $2}')
  stop "$proxy_pid"
  rm -f "$work/floor.tar"
}
backup() { # PROXY_PORT
  (cd "$work" && timed java -jar "$client_jar" backup -q -b 20 -f "127.0.0.1:/c.tar" --port "$1" src 2>>"$work/client.log")
  rm -f "$work/root/c.tar"
}
bridge() { # PROXY_PORT
  printf '#!/bin/sh\nexec java -jar %s bridge --write-behind --port %s "$@"\n' "$client_jar" "$1" >"$work/bridge-rsh"
  chmod +x "$work/bridge-rsh"
  timed tar -b 20 -cf localhost:/b.tar --rsh-command="$work/bridge-rsh" -C "$work" src
  rm -f "$work/root/b.tar"
}
gnu() { # PROXY_PORT
  printf '#!/bin/sh\nexec socat - TCP:127.0.0.1:%s,nodelay\n' "$1" >"$work/gnu-rsh"
  chmod +x "$work/gnu-rsh"
  timed tar -b 20 -cf "localhost:$work/g.tar" --rsh-command="$work/gnu-rsh" -C "$work" gsrc
  rm -f "$work/g.tar"
}

bytes=$(stat -c %s "$work/floor-src.tar")
gnu_bytes=$(( $(tar -b 20 -cf - -C "$work" gsrc | wc -c) ))
if [ "$size" -gt 0 ]; then
  echo "archive ${bytes} bytes (GNU rmt: ${gnu_bytes}); -b 20; median of ${runs}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-8s %-42s %10s %8s\n' "RTT" "contender" "MB/s" "/ floor"
fi
for rtt in $([ "$size" -gt 0 ] && echo "$rtts"); do
  one_way=$(echo "$rtt" | awk '{print $1 / 2}')
  proxy "$rmt411_port" "$one_way"; rmt411_proxy=$proxy_port; rmt411_proxy_pid=$proxy_pid
  proxy "$gnu_port" "$one_way"; gnu_proxy=$proxy_port; gnu_proxy_pid=$proxy_pid
  tf=""; tb=""; tr=""; tg=""
  for run in $(seq "$runs"); do
    case $((run % 4)) in
      1) floor "$one_way"; tf="$tf $floor_took"; tb="$tb $(backup "$rmt411_proxy")"; tr="$tr $(bridge "$rmt411_proxy")"; tg="$tg $(gnu "$gnu_proxy")" ;;
      2) tb="$tb $(backup "$rmt411_proxy")"; tr="$tr $(bridge "$rmt411_proxy")"; tg="$tg $(gnu "$gnu_proxy")"; floor "$one_way"; tf="$tf $floor_took" ;;
      3) tr="$tr $(bridge "$rmt411_proxy")"; tg="$tg $(gnu "$gnu_proxy")"; floor "$one_way"; tf="$tf $floor_took"; tb="$tb $(backup "$rmt411_proxy")" ;;
      0) tg="$tg $(gnu "$gnu_proxy")"; floor "$one_way"; tf="$tf $floor_took"; tb="$tb $(backup "$rmt411_proxy")"; tr="$tr $(bridge "$rmt411_proxy")" ;;
    esac
  done
  floor_rate=$(echo "$bytes $(median $tf)" | awk '{print $1 / $2}')
  line() { # label bytes times...
    local label=$1 n=$2; shift 2
    echo "$n $(median "$@") $floor_rate" | awk -v l="$label" -v r="$rtt ms" \
      '{printf "%-8s %-42s %10.1f %7.2fx  (%.2f s)\n", r, l, $1 / $2 / 1e6, $1 / $2 / $3, $2}'
  }
  line "floor: archive -> socat -> link -> socat" "$bytes" $tf
  line "rmt411 backup -> rmt411" "$bytes" $tb
  line "GNU tar -> bridge --write-behind -> rmt411" "$bytes" $tr
  line "GNU tar -> socat -> GNU rmt" "$gnu_bytes" $tg
  stop "$rmt411_proxy_pid"; stop "$gnu_proxy_pid"
done

# ---- reading back a tape: pipelined up to the filemark vs one R per round trip ----
[ "$readback" -gt 0 ] || exit 0
mkdir -p "$work/rsrc"
head -c "$((readback * 1024 * 1024))" /dev/urandom | split -b 4194304 -a 4 - "$work/rsrc/f"
printf '#!/bin/sh\nexec socat - TCP:127.0.0.1:%s,nodelay\n' "$rmt411_port" >"$work/direct-rsh"
chmod +x "$work/direct-rsh"
rewind() { mt-gnu --rsh-command="$work/direct-rsh" -f localhost:/dev/nst0 rewind; }
rewind
(cd "$work" && java -jar "$client_jar" backup -q -b 20 -f 127.0.0.1:/dev/nst0 --port "$rmt411_port" rsrc 2>>"$work/client.log")
members=$(ls "$work/rsrc" | wc -l)
listed() { # COUNT: the list must have named every member, or the figure means nothing
  [ "$1" -eq "$members" ] || { echo "read-back listed $1 of $members members" >&2; exit 1; }
}
list() { # PROXY_PORT
  rewind
  local start n; start=$(now)
  n=$(java -jar "$client_jar" list -b 20 -f 127.0.0.1:/dev/nst0 --port "$1" 2>>"$work/client.log" | grep -c '^rsrc/f')
  echo "$(now) $start" | awk '{printf "%.3f", $1 - $2}'; listed "$n"
}
one() { # PROXY_PORT
  printf '#!/bin/sh\nexec socat - TCP:127.0.0.1:%s,nodelay\n' "$1" >"$work/one-rsh"
  chmod +x "$work/one-rsh"
  rewind
  local start n; start=$(now)
  n=$(tar -b 20 -tf localhost:/dev/nst0 --rsh-command="$work/one-rsh" | grep -c '^rsrc/f')
  echo "$(now) $start" | awk '{printf "%.3f", $1 - $2}'; listed "$n"
}
rbytes=$(( $(tar -b 20 -cf - -C "$work" rsrc | wc -c) ))
echo "read-back: archive ${rbytes} bytes on /dev/nst0; -b 20; median of ${runs}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-42s %10s %8s\n' "RTT" "contender" "MB/s" "x one"
for rtt in $rtts; do
  one_way=$(echo "$rtt" | awk '{print $1 / 2}')
  proxy "$rmt411_port" "$one_way"; rb_proxy=$proxy_port; rb_proxy_pid=$proxy_pid
  tl=""; to=""
  for run in $(seq "$runs"); do
    if [ $((run % 2)) -eq 1 ]; then tl="$tl $(list "$rb_proxy")"; to="$to $(one "$rb_proxy")"
    else to="$to $(one "$rb_proxy")"; tl="$tl $(list "$rb_proxy")"; fi
  done
  ml=$(median $tl); mo=$(median $to)
  echo "$rbytes $mo $mo" | awk -v r="$rtt ms" '{printf "%-8s %-42s %10.1f %7.2fx  (%.2f s)\n", r, "GNU tar -t (one R at a time) -> rmt411", $1 / $2 / 1e6, $3 / $2, $2}'
  echo "$rbytes $ml $mo" | awk -v r="$rtt ms" '{printf "%-8s %-42s %10.1f %7.2fx  (%.2f s)\n", r, "rmt411 list (pipelined to the filemark)", $1 / $2 / 1e6, $3 / $2, $2}'
  stop "$rb_proxy_pid"
done

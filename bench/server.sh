#!/usr/bin/env bash
# Benchmark: GNU tar writing (tar -c) and reading (tar -t, which reads every record) an archive
# through GNU rmt (/usr/sbin/rmt-tar) and through rmt411, in the same run, over the same fake
# remote shell (a local pipe, the way ssh would carry it), the two contenders alternating.
# Prints medians of RUNS runs in MB/s, the CPU time of each server process, the
# ratio rmt411 / GNU rmt, and the start-up latency: process start to the first reply of what
# `mt-gnu rewind` sends (O, I6 1), and the whole `mt-gnu rewind` call.
#
#   bench/server.sh                            # 64 MiB and 1 GiB, -b 20 and -b 1, 5 runs each
#   SIZES_MIB="64" FACTORS="20" RUNS=7 bench/server.sh
#   BENCH_DIR=/dev/shm bench/server.sh         # data and archives in memory: no disk noise
#   STARTUP_ONLY=1 bench/server.sh             # only the start-up lines (STARTUP_RUNS=15 of them)
#   STARTUP_RUNS=0 FACTORS=1 bench/server.sh   # only the throughput lines
#
# The server under test is RMT411_CMD, run by `sh -c` as a remote shell would run it. `{root}`
# in it is replaced by a fresh folder, and archive names are then given relative to it (as
# --root wants); without `{root}` (an installed launcher serving paths as GNU rmt does) they
# are absolute. Examples:
#   RMT411_CMD='java -XX:TieredStopAtLevel=1 -jar rmt-server/target/rmt-server.jar --stdio --root {root}'
#   RMT411_CMD='/usr/sbin/rmt-rmt411'  RMT411_DEVICE=/dev/nst0      # installed, as configured
#   LAUNCHER=dist/src/main/bin/rmt411d bench/server.sh
# LAUNCHER takes the JVM options from a launcher's JVM_OPTS line and runs the built jar
# with them, its class-data archive made first by dist/src/main/cds/make-archive.sh (as the
# package makes it at install time).
# Default: java -jar rmt-server/target/rmt-server.jar --stdio --root {root} (no JVM options).
# Expects the server jar built (mvn -q package -DskipTests), python3 and mt-gnu (cpio).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${RMT411_JAR:-$here/rmt-server/target/rmt-server.jar}
gnu_rmt=${GNU_RMT:-/usr/sbin/rmt-tar}
root_word="{root}"
cmd_template=${RMT411_CMD:-java -jar $jar --stdio --root $root_word}
device=${RMT411_DEVICE:-/dev/nst0}
sizes=${SIZES_MIB:-64 1024}
factors=${FACTORS:-20 1}
runs=${RUNS:-5}
startup_runs=${STARTUP_RUNS:-15}
[ -x "$gnu_rmt" ] || { echo "missing $gnu_rmt: apt-get install tar" >&2; exit 1; }
command -v python3 >/dev/null || { echo "missing python3" >&2; exit 1; }
case $cmd_template in
  *"$jar"*) [ -f "$jar" ] || { echo "missing $jar: run mvn -q package -DskipTests first" >&2; exit 1; } ;;
esac

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/root-gnu" "$work/root-rmt411"
if [ -n "${LAUNCHER:-}" ]; then
  opts=$(sed -n 's/^JVM_OPTS="\(.*\)"$/\1/p' "$LAUNCHER")
  [ -n "$opts" ] || { echo "$LAUNCHER: no JVM_OPTS=\"...\" line" >&2; exit 1; }
  "$here/dist/src/main/cds/make-archive.sh" "$jar" "$work/rmt411.jsa"
  opts=$(echo "$opts" | sed "s|-XX:SharedArchiveFile=[^ ]*|-XX:SharedArchiveFile=$work/rmt411.jsa|")
  cmd_template="java $opts -jar $jar --stdio --root $root_word"
fi
cmd=${cmd_template//"$root_word"/$work/root-rmt411}
if [ "$cmd" = "$cmd_template" ]; then prefix=$work/root-rmt411; else prefix=""; fi
# tar's remote shell: runs the --rmt-command it is given, here, and appends the server's CPU
# time (user + sys) to $CPU_LOG when it exits (tar does not wait for it, so its own times
# would not include the server).
cat > "$work/rsh" <<'SH'
#!/bin/bash
shift
if [ "$1" = "-l" ]; then shift 2; fi
TIMEFORMAT='%U %S'
{ time sh -c "$*" 2>&3; } 3>&2 2>>"${CPU_LOG:-/dev/null}"
SH
# mt-gnu's remote shell: mt has no --rmt-command, it asks for /etc/rmt; run the one under test.
cat > "$work/mtrsh" <<'SH'
#!/bin/bash
TIMEFORMAT='%U %S'
{ time sh -c "$RMT_UNDER_TEST" 2>&3; } 3>&2 2>>"${CPU_LOG:-/dev/null}"
SH
chmod +x "$work/rsh" "$work/mtrsh"

# timed COMMAND...: "wall cpu" seconds: the wall time of COMMAND (what the user waits for) and
# the CPU time of the server it started, once that has exited (so no server still winding down
# competes with the next run).
timed() {
  local t cpu_file="$work/cpu" cpu=""
  rm -f "$cpu_file"
  t=$(export CPU_LOG=$cpu_file TIMEFORMAT='%R'; { time "$@" >/dev/null 2>"$work/err"; } 2>&1) \
    || [ -n "${MAY_FAIL:-}" ] || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  for _ in $(seq 1000); do
    [ -s "$cpu_file" ] && break
    sleep 0.01
  done
  cpu=$(awk '{printf "%.3f", $1 + $2}' "$cpu_file")
  echo "$t ${cpu:-0}"
}
tar_c() { tar --rsh-command="$work/rsh" --rmt-command="$1" -b "$2" -cf "localhost:$3" -C "$work" src; }
tar_t() { tar --rsh-command="$work/rsh" --rmt-command="$1" -b "$2" -tf "localhost:$3"; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# result SIZE FACTOR OP BYTES "gnu wall cpu ..." "rmt411 wall cpu ...": one line of medians.
result() {
  local gw gc ow oc
  gw=$(median $(printf '%s\n' $5 | awk 'NR % 2'))
  gc=$(median $(printf '%s\n' $5 | awk 'NR % 2 == 0'))
  ow=$(median $(printf '%s\n' $6 | awk 'NR % 2'))
  oc=$(median $(printf '%s\n' $6 | awk 'NR % 2 == 0'))
  echo "$1 $2 $3 $4 $gw $gc $ow $oc" | awk '{ g = $4 / 1e6 / $5; o = $4 / 1e6 / $7;
    printf "%-8s %-3s %-6s %8.1f %8.1f %6.2fx %7.2f s %7.2f s\n", $1, $2, $3, g, o, o / g, $6, $8 }'
}

echo "rmt411: $cmd"
echo "load: $(uptime | sed 's/.*load average/load average/'); data in $(df --output=fstype "$work" | tail -1)"
if [ -z "${STARTUP_ONLY:-}" ]; then
  printf '%-8s %-3s %-6s %8s %8s %7s %9s %9s\n' "size" "-b" "op" "GNU MB/s" "411 MB/s" "ratio" "GNU cpu" "411 cpu"
  for size in $sizes; do
    rm -f "$work/src/data"
    # Incompressible data, made once per size; the page cache then holds it for every run.
    head -c "$((size * 1024 * 1024))" /dev/urandom > "$work/src/data"
    for factor in $factors; do
      wg=""; wo=""; rg=""; ro=""
      for run in $(seq "$runs"); do
        rm -f "$work/root-gnu/a.tar" "$work/root-rmt411/a.tar"
        # Alternate the order so neither side always runs first.
        if [ $((run % 2)) = 1 ]; then
          wg="$wg $(timed tar_c "$gnu_rmt" "$factor" "$work/root-gnu/a.tar")"
          wo="$wo $(timed tar_c "$cmd" "$factor" "$prefix/a.tar")"
        else
          wo="$wo $(timed tar_c "$cmd" "$factor" "$prefix/a.tar")"
          wg="$wg $(timed tar_c "$gnu_rmt" "$factor" "$work/root-gnu/a.tar")"
        fi
        cmp -s "$work/root-gnu/a.tar" "$work/root-rmt411/a.tar" || { echo "archives differ!" >&2; exit 2; }
        if [ $((run % 2)) = 1 ]; then
          ro="$ro $(timed tar_t "$cmd" "$factor" "$prefix/a.tar")"
          rg="$rg $(timed tar_t "$gnu_rmt" "$factor" "$work/root-gnu/a.tar")"
        else
          rg="$rg $(timed tar_t "$gnu_rmt" "$factor" "$work/root-gnu/a.tar")"
          ro="$ro $(timed tar_t "$cmd" "$factor" "$prefix/a.tar")"
        fi
      done
      bytes=$(stat -c %s "$work/root-gnu/a.tar")
      result "${size}MiB" "$factor" write "$bytes" "$wg" "$wo"
      result "${size}MiB" "$factor" read "$bytes" "$rg" "$ro"
    done
  done
  echo "(medians of $runs alternating runs; MB/s of archive bytes; cpu = user + sys of the server process)"
fi

if [ "$startup_runs" -gt 0 ]; then
  # Start-up: GNU rmt opens a plain file (it has no virtual tape; its I then fails with E25 as
  # on any file), rmt411 its tape drive. One call first, untimed: it makes the cartridge.
  : > "$work/tape-gnu"
  python3 "$here/bench/first_reply.py" 1 "$prefix$device" "$cmd" >/dev/null
  lat_g=""; lat_o=""
  for run in $(seq "$startup_runs"); do
    lat_g="$lat_g $(python3 "$here/bench/first_reply.py" 1 "$work/tape-gnu" "$gnu_rmt")"
    lat_o="$lat_o $(python3 "$here/bench/first_reply.py" 1 "$prefix$device" "$cmd")"
  done
  col() { printf '%s\n' $1 | awk -v c="$2" 'NR % 3 == c % 3'; }
  mt_g=""; mt_o=""
  for run in $(seq "$startup_runs"); do
    # On GNU rmt's plain file the rewind itself fails (E25, exit 2), after the same exchange.
    mt_g="$mt_g $(RMT_UNDER_TEST=$gnu_rmt MAY_FAIL=1 timed mt-gnu --rsh-command="$work/mtrsh" -f "localhost:$work/tape-gnu" rewind)"
    mt_o="$mt_o $(RMT_UNDER_TEST=$cmd timed mt-gnu --rsh-command="$work/mtrsh" -f "localhost:$prefix$device" rewind)"
  done
  printf '%-44s %9s %9s %7s\n' "start-up (medians of $startup_runs, alternating)" "GNU rmt" "rmt411" "ratio"
  for c in 1 2 3; do
    label=$(echo "process start -> O reply|process start -> I (rewind) reply|process start -> exit after C" | cut -d'|' -f"$c")
    echo "$(median $(col "$lat_g" "$c")) $(median $(col "$lat_o" "$c"))" \
      | awk -v l="$label" '{printf "%-44s %6.1f ms %6.1f ms %6.1fx\n", l, $1, $2, $2 / $1}'
  done
  echo "$(median $(printf '%s\n' $mt_g | awk 'NR % 2')) $(median $(printf '%s\n' $mt_o | awk 'NR % 2')) $(median $(printf '%s\n' $mt_g | awk 'NR % 2 == 0')) $(median $(printf '%s\n' $mt_o | awk 'NR % 2 == 0'))" \
    | awk '{printf "%-44s %6.1f ms %6.1f ms %6.1fx (cpu %.0f ms, %.0f ms)\n", "whole mt-gnu call (fake rsh)", $1 * 1000, $2 * 1000, $2 / $1, $3 * 1000, $4 * 1000}'
fi

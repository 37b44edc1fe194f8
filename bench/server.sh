#!/usr/bin/env bash
# Benchmark: GNU tar streaming an archive through GNU rmt (/usr/sbin/rmt-tar) and through
# rmt411 --stdio, in the same run, over the same fake remote shell (a local pipe).
# Prints MB/s for both and the ratio rmt411 / GNU rmt.
#
#   bench/server.sh                 # 256 MiB and 1 GiB, blocking factors 20 and 1
#   SIZES_MIB="64" FACTORS="20" bench/server.sh
#   BENCH_DIR=/dev/shm bench/server.sh     # data and archives in memory: no disk noise
#
# Expects the server jar built (mvn -q package -DskipTests). Uses a temp dir, removed at exit.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${RMT411_JAR:-$here/rmt-server/target/rmt-server.jar}
gnu_rmt=${GNU_RMT:-/usr/sbin/rmt-tar}
sizes=${SIZES_MIB:-256 1024}
factors=${FACTORS:-20 1}
runs=${RUNS:-2}
[ -f "$jar" ] || { echo "missing $jar: run mvn -q package -DskipTests first" >&2; exit 1; }
[ -x "$gnu_rmt" ] || { echo "missing $gnu_rmt: apt-get install tar" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/root-gnu" "$work/root-rmt411"
cat > "$work/rsh" <<'SH'
#!/bin/sh
shift
if [ "$1" = "-l" ]; then shift 2; fi
exec sh -c "$*"
SH
chmod +x "$work/rsh"

now() { date +%s.%N; }

# time_tar RMT_COMMAND FACTOR ARCHIVE: seconds for one tar -c of src through that rmt.
time_tar() {
  local start end
  start=$(now)
  tar --rsh-command="$work/rsh" --rmt-command="$1" -b "$2" -cf "localhost:$3" -C "$work" src
  end=$(now)
  echo "$start $end" | awk '{printf "%.3f", $2 - $1}'
}

printf '%-8s %-6s %12s %12s %8s\n' "size" "-b" "GNU rmt MB/s" "rmt411 MB/s" "ratio"
for size in $sizes; do
  rm -f "$work/src/data"
  # Incompressible data, made once per size; the page cache then holds it for every run.
  head -c "$((size * 1024 * 1024))" /dev/urandom > "$work/src/data"
  for factor in $factors; do
    times_gnu=""; times_ours=""
    for run in $(seq "$runs"); do
      # Alternate the order so neither side always gets the warmer cache.
      t_gnu=$(time_tar "$gnu_rmt" "$factor" "$work/root-gnu/a.tar")
      t_ours=$(time_tar "java -jar $jar --stdio --root $work/root-rmt411" "$factor" "/a.tar")
      cmp -s "$work/root-gnu/a.tar" "$work/root-rmt411/a.tar" || { echo "archives differ!" >&2; exit 2; }
      times_gnu="$times_gnu $t_gnu"; times_ours="$times_ours $t_ours"
    done
    best_gnu=$(printf '%s\n' $times_gnu | sort -n | head -1)
    best_ours=$(printf '%s\n' $times_ours | sort -n | head -1)
    bytes=$(stat -c %s "$work/root-gnu/a.tar")
    echo "$size $factor $bytes $best_gnu $best_ours" | awk '{
      g = $3 / 1e6 / $4; o = $3 / 1e6 / $5;
      printf "%-8s %-6s %12.1f %12.1f %7.2fx\n", $1 "MiB", $2, g, o, o / g }'
    rm -f "$work/root-gnu/a.tar" "$work/root-rmt411/a.tar"
  done
done
echo "(best of $runs runs each; same tar, same pipe-based remote shell, same disk)"

#!/usr/bin/env bash
# Virtual tape write throughput: GNU tar -b 20 into rmt411 (--stdio, /dev/nst0, a SIMH .tap
# cartridge) against GNU tar -b 20 into GNU rmt (/usr/sbin/rmt-tar) writing a plain file, in the
# same run, on the same tree. Builds nothing: it expects rmt-server/target/rmt-server.jar
# (mvn -q package -DskipTests). Prints MB/s for both and the ratio rmt411 / GNU rmt.
#
#   BENCH_SIZE_MB  size of the generated tree in MiB (default 1024)
#   BENCH_ROUNDS   rounds; the best time of each side counts (default 2)
#   RMT411_JAR     the server jar (default: this checkout's)
#   JAVA_OPTS      JVM options for the server (default none; see docs/performance.md)
#   BENCH_DIR      where the tree, archive and cartridge go (default: a new dir under $TMPDIR;
#                  a tmpfs such as /dev/shm takes the disk out of the comparison)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${RMT411_JAR:-$here/../rmt-server/target/rmt-server.jar}
size_mb=${BENCH_SIZE_MB:-1024}
rounds=${BENCH_ROUNDS:-2}
[ -f "$jar" ] || { echo "tape.sh: no server jar at $jar (run: mvn -q package -DskipTests)" >&2; exit 1; }
[ -x /usr/sbin/rmt-tar ] || { echo "tape.sh: GNU rmt (/usr/sbin/rmt-tar) is not installed" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-tape-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree" "$work/gnu"
# A remote shell that runs the command locally: both servers start the way rsh would start them.
cat > "$work/fakersh" <<'SH'
#!/bin/sh
shift; if [ "$1" = "-l" ]; then shift 2; fi
exec sh -c "$*"
SH
chmod +x "$work/fakersh"

# 16 MiB files of incompressible data, so neither side profits from anything but I/O.
files=$(( (size_mb + 15) / 16 ))
for i in $(seq 1 "$files"); do
    head -c $((16 << 20)) /dev/urandom > "$work/tree/f$i"
done
bytes=$(du -sb "$work/tree" | cut -f1)

now() { date +%s.%N; }
run_gnu() {
    rm -f "$work/gnu/archive.tar"
    tar --rsh-command="$work/fakersh" --rmt-command=/usr/sbin/rmt-tar -b 20 \
        -cf "localhost:$work/gnu/archive.tar" -C "$work/tree" .
}
run_rmt411_file() {
    rm -rf "$work/root"
    mkdir -p "$work/root"
    tar --rsh-command="$work/fakersh" --rmt-command="java ${JAVA_OPTS:-} -jar $jar --stdio --root $work/root" -b 20 \
        -cf localhost:/plain.tar -C "$work/tree" .
}
run_rmt411() {
    rm -rf "$work/root"
    mkdir -p "$work/root"
    tar --rsh-command="$work/fakersh" --rmt-command="java ${JAVA_OPTS:-} -jar $jar --stdio --root $work/root" -b 20 \
        -cf localhost:/dev/nst0 -C "$work/tree" .
}
timed() { local t0 t1; t0=$(now); "$@"; sync; t1=$(now); echo "$t1 - $t0" | bc -l; }
best() { if [ -z "$1" ]; then echo "$2"; else echo "$1 $2" | awk '{ print ($2 < $1) ? $2 : $1 }'; fi; }

gnu_best=""
file_best=""
tape_best=""
for r in $(seq 1 "$rounds"); do
    sync
    g=$(timed run_gnu)
    f=$(timed run_rmt411_file)
    t=$(timed run_rmt411)
    echo "round $r: GNU rmt ${g}s, rmt411 file ${f}s, rmt411 tape ${t}s" >&2
    gnu_best=$(best "$gnu_best" "$g")
    file_best=$(best "$file_best" "$f")
    tape_best=$(best "$tape_best" "$t")
done
mbs() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
echo "server JVM options: ${JAVA_OPTS:-(none)}; data in $(df --output=fstype "$work" | tail -1) at $work"
echo "tree: $bytes bytes in $files files, tar -b 20 (10240-byte records), best of $rounds rounds"
echo "GNU tar -> GNU rmt -> plain file:   $(mbs "$gnu_best") MB/s (${gnu_best}s)"
echo "GNU tar -> rmt411 -> plain file:    $(mbs "$file_best") MB/s (${file_best}s)"
echo "GNU tar -> rmt411 -> /dev/nst0 .tap: $(mbs "$tape_best") MB/s (${tape_best}s)"
echo "ratio rmt411 tape / GNU rmt file: $(echo "scale=2; $gnu_best / $tape_best" | bc -l)"
echo "ratio rmt411 tape / rmt411 file:  $(echo "scale=2; $file_best / $tape_best" | bc -l)"
mtdump "$work/root/library/VT0001.tap" 2>/dev/null | tail -2 >&2 || true

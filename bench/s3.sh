#!/usr/bin/env bash
# Virtual tape on S3 against virtual tape on files, in the same run: GNU tar -b 20 writes a tree
# through rmt411 (--stdio, /dev/st0) into a cartridge of the file library, then into one of an
# s3:// library on S3Proxy (filesystem blobstore, loopback, started here), and reads each back
# (tar -t, every record). Prints the median time of each, MB/s, the ratio S3 / file, and the
# server's peak RSS. Builds nothing but S3Proxy's class path: it expects
# rmt-server/target/rmt-server.jar (mvn -q package -DskipTests).
#
#   BENCH_SIZE_MB  size of the generated tree in MiB (default 1024)
#   BENCH_ROUNDS   rounds; the median of each side counts (default 3)
#   RMT411_JAR     the server jar (default: this checkout's)
#   JAVA_OPTS      JVM options for the server (default none)
#   BENCH_DIR      where the tree, cartridges and blobs go (default: a new dir under $TMPDIR)
set -euo pipefail
shopt -s inherit_errexit # a failed tar inside $(timed ...) stops the run
here=$(cd "$(dirname "$0")" && pwd)
jar=${RMT411_JAR:-$here/../rmt-server/target/rmt-server.jar}
size_mb=${BENCH_SIZE_MB:-1024}
rounds=${BENCH_ROUNDS:-3}
[ -f "$jar" ] || { echo "s3.sh: no server jar at $jar (run: mvn -q package -DskipTests)" >&2; exit 1; }

work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/rmt411-s3-bench.XXXXXX")
s3pid=""
cleanup() { if [ -n "$s3pid" ]; then kill "$s3pid" 2>/dev/null || true; wait "$s3pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/tree" "$work/blobs/tapes"

# S3Proxy's class path, resolved by Maven from a throwaway POM (the version the tests use).
s3proxy_version=$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$here/../pom.xml")
mkdir -p "$work/cp"
cat > "$work/cp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>s3proxy-cp</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.gaul</groupId><artifactId>s3proxy</artifactId>
    <version>$s3proxy_version</version></dependency></dependencies></project>
POM
(cd "$work/cp" && { mvn -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
    || mvn -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null; })
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/blobs
CONF
# S3Proxy logs every Jetty event at DEBUG without a configuration: that alone slows its PUTs
# several times over, so it gets one that keeps warnings only.
printf '<configuration><root level="WARN"/></configuration>\n' > "$work/logback.xml"
java -Dlogback.configurationFile="$work/logback.xml" -cp "$(cat "$work/cp.txt"):$HOME/.m2/repository/org/gaul/s3proxy/$s3proxy_version/s3proxy-$s3proxy_version.jar" \
    org.gaul.s3proxy.Main --properties "$work/s3proxy.conf" >"$work/s3proxy.log" 2>&1 &
s3pid=$!
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.2
done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_EC2_METADATA_DISABLED=true

cat > "$work/fakersh" <<'SH'
#!/bin/sh
shift; if [ "$1" = "-l" ]; then shift 2; fi
exec sh -c "$*"
SH
chmod +x "$work/fakersh"
files=$(( (size_mb + 15) / 16 ))
for i in $(seq 1 "$files"); do
    head -c $((16 << 20)) /dev/urandom > "$work/tree/f$i"
done
bytes=$(du -sb "$work/tree" | cut -f1)

s3lib="--library s3://tapes/bench/ --s3-endpoint http://127.0.0.1:$port --s3-path-style --s3-region us-east-1"
server() { # $1: file|s3; the server under /usr/bin/time, its peak RSS (KiB) appended to $work/rss.$1
    local lib=""; [ "$1" = s3 ] && lib=$s3lib
    echo "/usr/bin/time -a -o $work/rss.$1 -f %M java ${JAVA_OPTS:-} -jar $jar --stdio --root $work/root.$1 $lib"
}
fresh() { # an empty library: a new root, and for S3 no objects under the prefix
    rm -rf "$work/root.$1" "$work/blobs/tapes/bench"
    mkdir -p "$work/root.$1"
}
write() { tar --rsh-command="$work/fakersh" --rmt-command="$(server "$1")" -b 20 -cf localhost:/dev/st0 -C "$work/tree" .; }
read_back() { tar --rsh-command="$work/fakersh" --rmt-command="$(server "$1")" -b 20 -tf localhost:/dev/st0 >/dev/null; }
now() { date +%s.%N; }
timed() { local t0 t1; t0=$(now); "$@"; sync; t1=$(now); echo "$t1 - $t0" | bc -l; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A times
for r in $(seq 1 "$rounds"); do
    for lib in file s3; do
        fresh "$lib"
        w=$(timed write "$lib")
        rd=$(timed read_back "$lib")
        times[$lib.w]="${times[$lib.w]:-} $w"
        times[$lib.r]="${times[$lib.r]:-} $rd"
        echo "round $r: $lib library: write ${w}s, read ${rd}s" >&2
    done
done
mbs() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
peak() { sort -n "$work/rss.$1" | tail -1; }
fw=$(echo "${times[file.w]}" | median); fr=$(echo "${times[file.r]}" | median)
sw=$(echo "${times[s3.w]}" | median); sr=$(echo "${times[s3.r]}" | median)
echo "tree: $bytes bytes in $files files, tar -b 20 (10240-byte records), median of $rounds rounds"
echo "file library: write $(mbs "$fw") MB/s (${fw}s), read $(mbs "$fr") MB/s (${fr}s), peak RSS $(peak file) KiB"
echo "S3 library:   write $(mbs "$sw") MB/s (${sw}s), read $(mbs "$sr") MB/s (${sr}s), peak RSS $(peak s3) KiB"
echo "ratio S3 / file: write $(echo "scale=2; $fw / $sw" | bc -l), read $(echo "scale=2; $fr / $sr" | bc -l)"
echo "S3 write spool: 4 segments of 8 MiB in memory at most (3 uploading, 1 filling; S3ImageStore), no local files"

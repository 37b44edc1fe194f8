#!/bin/sh
# make-archive.sh JAR ARCHIVE [JAVA]
#
# Writes the AppCDS archive (class-data sharing) that lets every rmt411 server process start
# without parsing and verifying its classes again: a JDK 17 dynamic archive
# (-XX:ArchiveClassesAtExit) recorded while JAVA serves a representative stdio session with
# JAR: a plain file written, sought and read back, a tape drive written, marked, rewound and
# read, status, a refused open, and the audit log line. Run it at install time, as root, with
# the JAR path the launchers use and the java they run (default: java on the PATH):
#
#   /usr/lib/rmt411/make-archive.sh /usr/share/rmt411/lib/rmt-server.jar /var/cache/rmt411/rmt411.jsa
#
# An archive only serves the exact JVM build and the exact jar (path, size, time) it was made
# with; rmt411d (and rmt-rmt411 through it) passes -Xshare:auto -Xlog:disable, so after an upgrade of either a stale
# archive is skipped silently (nothing may reach stdout, the rmt connection) and start-up is
# merely slower until this script runs again. A half-written archive would crash the JVM
# instead (the JVM does not check its length), so the new archive is made beside the old one,
# checked by a second run with -Xshare:on, and renamed into place: servers starting meanwhile
# map either the old file or the new one, never a partial one.
set -eu
[ $# -ge 2 ] || { echo "usage: make-archive.sh JAR ARCHIVE [JAVA]" >&2; exit 2; }
jar=$1
archive=$2
java=${3:-java}
[ -f "$jar" ] || { echo "make-archive.sh: $jar: no such jar" >&2; exit 1; }
dir=$(dirname "$archive")
mkdir -p "$dir"
work=$(mktemp -d "${TMPDIR:-/tmp}/rmt411-cds.XXXXXX")
new="$archive.new.$$"
trap 'rm -rf "$work"; rm -f "$new"' EXIT

record() { printf 'W10240\n'; head -c 10240 /dev/zero; }
# The session, as GNU tar, mt-gnu and cpio would send it. Open flags: 578 = O_RDWR|O_CREAT|O_TRUNC
# (as GNU tar -c sends it), 2 = O_RDWR, 0 = O_RDONLY. Linux MTIOCTOP ops: 5 MTWEOF, 6 MTREW.
requests() {
    printf 'O/train.tar\n578\n'
    record; record; record
    printf 'L0\n0\nR10240\nR10240\nR512\nS\nC\n'
    printf 'O/dev/nst0\n2\n'
    record; record
    printf 'I5\n1\nI6\n1\nS\nR10240\nR10240\nR10240\nC\n'
    printf 'O/missing.tar\n0\n'
}

requests | "$java" -Xshare:auto -XX:ArchiveClassesAtExit="$new" -Xlog:disable -jar "$jar" \
    --stdio --root "$work/root" --log none >"$work/replies" 2>"$work/log" \
    || { echo "make-archive.sh: the recording session failed:" >&2; cat "$work/log" >&2; exit 1; }
# The replies prove the session ran the way a client's would (A0 for the first open).
head -c 3 "$work/replies" | grep -q '^A0' \
    || { echo "make-archive.sh: the recording session did not open its file" >&2; exit 1; }
[ -s "$new" ] || { echo "make-archive.sh: $java wrote no archive (a JDK before 13?)" >&2; exit 1; }
# -Xshare:on fails instead of falling back: the archive maps with this JVM and this jar.
requests | "$java" -Xshare:on -XX:SharedArchiveFile="$new" -Xlog:disable -jar "$jar" \
    --stdio --root "$work/check" --log none >/dev/null 2>&1 \
    || { echo "make-archive.sh: $java cannot use the archive it just wrote" >&2; exit 1; }
chmod 0644 "$new"
mv -f "$new" "$archive"

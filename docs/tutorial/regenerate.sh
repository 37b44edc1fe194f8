#!/usr/bin/env bash
# Regenerates every transcript of docs/tutorial.md by running the real tools (GNU tar, GNU mt,
# socat, SIMH's mtdump, GNU rmt) against rmt411's server and client jars, so the tutorial never
# drifts from what the programs really print. Each transcript lives in the document between
#   <!-- BEGIN transcript NAME -->  and  <!-- END transcript NAME -->
# and is replaced whole. Volatile parts are normalised, so a run on any machine writes the same
# text: the server's free port is shown as 4110 (the port the tutorial tells readers to use),
# other listeners as 4111 and 4112, client ports as 40112, the work folder as ~/rmt-tutorial,
# and log timestamps, durations and start times as "…".
#
# usage: docs/tutorial/regenerate.sh [DOCUMENT]     (default: docs/tutorial.md, in place)
# env:   RMT411_SERVER_JAR, RMT411_CLIENT_JAR (default: the jars under */target), JAVA (default java)
#
# Everything runs on loopback with ports the kernel picks; every process started here is stopped
# here, by its PID, even when a step fails.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
doc="$(realpath "${1:-$repo/docs/tutorial.md}")"
server_jar="$(realpath "${RMT411_SERVER_JAR:-$repo/rmt-server/target/rmt-server.jar}")"
client_jar="$(realpath "${RMT411_CLIENT_JAR:-$repo/rmt-client/target/rmt-client.jar}")"
java="${JAVA:-java}"
for f in "$doc" "$server_jar" "$client_jar"; do
    [ -f "$f" ] || { echo "regenerate.sh: $f: no such file (build with mvn package first)" >&2; exit 2; }
done

W="$(mktemp -d /tmp/rmt-tutorial.XXXXXX)"   # the reader's ~/rmt-tutorial
T="$W/.transcripts"
mkdir -p "$T"
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
cd "$W"

# The installed package's launchers, as the tutorial's reader types them.
rmt411d() { "$java" -jar "$server_jar" "$@"; }
rmt411() { "$java" -jar "$client_jar" "$@"; }

PORT=-1 HUB_PORT=-2 CLOSED_PORT=-3   # none yet: matches nothing
# Every port a server of this run listened on: the reader restarts the server on 4110 each time.
SERVER_PORTS="-1"
# tshark's Decode As for the rmt port; one option per server this run started (shown as one).
DECODE_AS=""
mask() {
    sed -E \
        -e "s#$W#~/rmt-tutorial#g" \
        -e "s/:($SERVER_PORTS)([^0-9]|\$)/:4110\\2/g" \
        -e "s/:$HUB_PORT([^0-9]|\$)/:4111\\1/g" \
        -e "s/:$CLOSED_PORT([^0-9]|\$)/:4112\\1/g" \
        -e 's/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z rmt-server [A-Z]+: /… /' \
        -e 's/(127\.0\.0\.1):[0-9]{5}/\1:40112/g' \
        -e 's/ start=[^ ]+/ start=…/; s/ duration=[^ ]+/ duration=…/' \
        -e "s/Port: ($SERVER_PORTS)([^0-9]|\$)/Port: 4110\\2/g" \
        -e 's/Port: [0-9]{5}([^0-9]|$)/Port: 40112\1/g' \
        -e 's/^Frame [0-9]+: /Frame …: /; s/(in frame: )[0-9]+/\1…/' \
        -e '/^Running as user "root" and group "root"/d'
}

current=""
begin() { current="$T/$1"; : >"$current"; }
# run 'COMMAND': shows "$ COMMAND" as the reader types it, then everything it prints, then its
# exit status when it is not 0 (the failures are part of the lesson).
run() {
    local shown="$1" status=0
    shown="${shown//\$PORT/4110}"
    shown="${shown//\$HUB_PORT/4111}"
    shown="${shown//\$CLOSED_PORT/4112}"
    shown="${shown//\$STREAM/${STREAM:-}}"
    shown="${shown//\$DECODE_AS/-d tcp.port==4110,rmt}"
    echo "\$ $shown" | mask >>"$current"
    (eval "$1") </dev/null >"$T/.out" 2>&1 || status=$?
    mask <"$T/.out" >>"$current"
    if [ "$status" != 0 ]; then echo "(exit status $status)" >>"$current"; fi
}
# note TEXT: a line of its own in the transcript, for what the reader sees elsewhere.
note() { echo "$1" >>"$current"; }
# The server's trace since mark_log, as the reader sees it in the server's terminal. A session's
# last lines are logged after the client has gone, so this first waits for the audit line that
# ends each of the SESSIONS (default 1); the session bookkeeping lines are left out.
log_mark=0
mark_log() { log_mark=$(wc -l <"$W/server.log"); }
since_mark() { tail -n +"$((log_mark + 1))" "$W/server.log"; }
show_log() {
    local sessions="${1:-1}" i
    for i in $(seq 1 600); do
        [ "$(since_mark | grep -c ' audit ')" -ge "$sessions" ] && break
        sleep 0.05
    done
    since_mark | grep -v ' audit \| session from ' | mask >>"$current"
}

start_server() {
    : >"$W/server.log"
    server_args="$*"
    # The java command itself in the background, not the rmt411d function: $! must be the server's
    # own pid, or killing it would leave the JVM running.
    "$java" -jar "$server_jar" --port 0 --bind 127.0.0.1 "$@" 2>>"$W/server.log" &
    server_pid=$!
    pids+=("$server_pid")
    local i
    for i in $(seq 1 300); do
        PORT=$(sed -nE 's/.*listening on 127\.0\.0\.1:([0-9]+),.*/\1/p' "$W/server.log" | head -1)
        if [ -n "$PORT" ]; then
            SERVER_PORTS="$SERVER_PORTS|$PORT"
            DECODE_AS="$DECODE_AS -d tcp.port==$PORT,rmt"
            return 0
        fi
        sleep 0.1
    done
    echo "regenerate.sh: the server did not start:" >&2
    cat "$W/server.log" >&2
    exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" || true; }

. "$here/steps.sh"

# Splice each transcript into its region of the document, as a fenced block.
out="$T/.document"
awk -v dir="$T" '
    /^<!-- BEGIN transcript [a-z0-9-]+ -->$/ {
        name = $4; print; print "```text"
        file = dir "/" name
        while ((getline line < file) > 0) print line
        if (close(file) != 0) { print "regenerate.sh: no transcript " name > "/dev/stderr"; exit 3 }
        print "```"; skipping = 1; next
    }
    /^<!-- END transcript [a-z0-9-]+ -->$/ { skipping = 0 }
    !skipping { print }
' "$doc" >"$out"
cat "$out" >"$doc"

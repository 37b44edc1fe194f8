# The tutorial's steps, in its order; sourced by regenerate.sh, which defines begin, run, note,
# mark_log, show_log, start_server and stop_server. Each `begin NAME` fills the
# document's region "transcript NAME".

# 0. The tools' versions: transcripts differ when they do (tar 1.35 seeks whence first).
begin versions
run 'tar --version | head -1'
run 'mt-gnu --version | head -1'

# 1. The server, in its own terminal, with --trace.
start_server --root tapes --trace --capture capture.pcapng
begin server-start
note "$ rmt411d --port 4110 --bind 127.0.0.1 $server_args"
head -1 "$W/server.log" | mask >>"$current"

# 2. The bridge: stock tools only know remote shells, socat turns one into a TCP connection.
printf '#!/bin/sh\nexec socat - TCP:127.0.0.1:%s,nodelay\n' "$PORT" >bridge
chmod +x bridge
begin bridge
run 'cat bridge'

# 3. A first backup to the virtual tape.
begin backup
# Fixed contents, so every archive, record count and listing is the same on every machine.
run 'mkdir -p project/src project/docs'
run 'printf "A small project to back up.\n" >project/README'
run 'seq 1 3000 >project/src/numbers.txt'
run 'printf "int main(void) { return 0; }\n" >project/src/main.c'
run 'printf "Notes.\n" >project/docs/notes.md'
run 'find project -type f | sort'
mark_log
run 'tar --rsh-command=./bridge -cvf localhost:/dev/nst0 project'
begin backup-trace
show_log

# 4. A second archive after the first, then GNU mt to go back and find it.
begin second-archive
run 'printf "Second archive.\n" >todo.txt'
run 'tar --rsh-command=./bridge -cvf localhost:/dev/nst0 todo.txt'
run 'mt-gnu --rsh-command=./bridge -f localhost:/dev/nst0 rewind'
run 'tar --rsh-command=./bridge -tf localhost:/dev/nst0'
run 'mt-gnu --rsh-command=./bridge -f localhost:/dev/nst0 fsf 1'
run 'tar --rsh-command=./bridge -tf localhost:/dev/nst0'
begin mt-status
run 'rmt411 mt --port $PORT -f localhost:/dev/nst0 status'
begin mt-status-trace
mark_log
run 'mt-gnu --rsh-command=./bridge -f localhost:/dev/nst0 status'
show_log

# 5. The bytes on the cartridge.
begin mtdump
run 'ls tapes/library'
run 'mtdump tapes/library/VT0001.tap'
run 'od -A d -t u4 -j 20492 -N 12 tapes/library/VT0001.tap'

# 6. Exercise: append to an archive and watch the L requests.
begin append
run 'tar --rsh-command=./bridge -cf localhost:/project.tar project'
run 'stat -c %s tapes/project.tar'
run 'printf "Written later.\n" >later.txt'
mark_log
run 'tar --rsh-command=./bridge -rvf localhost:/project.tar later.txt'
begin append-trace
show_log
begin append-list
run 'tar --rsh-command=./bridge -tf localhost:/project.tar'

# 6b. The same append again, the server now explaining each request.
stop_server
start_server --root tapes --trace=verbose --capture capture.pcapng
printf '#!/bin/sh\nexec socat - TCP:127.0.0.1:%s,nodelay\n' "$PORT" >bridge
begin append-verbose
note "\$ rmt411d --port 4110 --bind 127.0.0.1 $server_args"
run 'printf "And later still.\n" >later2.txt'
mark_log
run 'tar --rsh-command=./bridge -rvf localhost:/project.tar later2.txt'
show_log

# 7. Exercise: break a session and read the errno.
begin errno-tools
run 'tar --rsh-command=./bridge -cf localhost:/no/such/folder/a.tar project'
run 'tar --rsh-command=./bridge -cf localhost:/../outside.tar project'
run 'mt-gnu --rsh-command=./bridge -f localhost:/project.tar rewind'
begin errno-raw
run 'printf "R10240\n" | socat - TCP:127.0.0.1:$PORT,nodelay'
run 'printf "O/project.tar\n0\nR20\n" | socat - TCP:127.0.0.1:$PORT,nodelay | od -c'
run 'printf "O/project.tar\n0\nX\nR20\n" | socat - TCP:127.0.0.1:$PORT,nodelay'

# 7b. The same by hand, with rmt411's console explaining each reply.
begin console
printf '%s\n' 'open /project.tar ro' 'read 20' 'seek 0 cur' 'open /no/such/file ro' 'read 20' \
    'open /dev/nst0 ro' 'rewind' 'read 512' 'read 10240' 'raw "X\n"' >errors.rmt
run 'cat errors.rmt'
run 'rmt411 console localhost:$PORT <errors.rmt'

# 7c. Wireshark: the capture the server has been writing since step 1, decoded by the dissector.
cp "$repo/wireshark/rmt411.lua" .
dissect() { tshark -r capture.pcapng -X lua_script:rmt411.lua $DECODE_AS "$@"; }
begin wireshark-seeks
run 'tshark -r capture.pcapng -X lua_script:rmt411.lua $DECODE_AS -Y rmt.seek.order -T fields -e tcp.stream -e _ws.col.Info'
STREAM=$(dissect -Y rmt.seek.order -T fields -e tcp.stream 2>/dev/null | head -1)
run 'tshark -r capture.pcapng -X lua_script:rmt411.lua $DECODE_AS -Y "rmt && tcp.stream == $STREAM" -T fields -e _ws.col.Info'
begin wireshark-status
# mt-gnu's status request of step 4, the last session that asked for the struct.
STREAM=$(dissect -Y rmt.mtget.type -T fields -e tcp.stream 2>/dev/null | tail -1)
run 'tshark -r capture.pcapng -X lua_script:rmt411.lua $DECODE_AS -Y "rmt.mtget.type && tcp.stream == $STREAM" -O rmt'

# 8. History: the same seek, read by GNU rmt and by rmt411.
begin localsh
printf '#!/bin/sh\n# A "remote shell" for this machine: drop the host (and -l USER), run the command here.\nshift\n[ "$1" = -l ] && shift 2\nexec "$@"\n' >localsh
chmod +x localsh
run 'cat localsh'
run 'printf "open tapes/project.tar ro\nseek 10240 set\n" | rmt411 console --rsh-command=./localsh --rmt-command=/usr/sbin/rmt-tar localhost'
run 'printf "open tapes/project.tar ro\nseek 10240 set\n" | rmt411 console --rsh-command=./localsh --rmt-command=/usr/sbin/rmt-tar --seek-order whence-first localhost'
begin lseek-order
run 'printf "Otapes/project.tar\n0\nL10240\n0\n" | /usr/sbin/rmt-tar'
run 'printf "Otapes/project.tar\n0\nL10240\n0\n" | rmt411d --stdio --root . --log none'
run 'printf "Otapes/project.tar\n0\nL0\n10240\n" | /usr/sbin/rmt-tar'
run 'printf "Otapes/project.tar\n0\nL0\n10240\n" | rmt411d --stdio --root . --log none'

# 8b. The split, live: tar 1.34 appends through GNU rmt.
begin split-live
run 'tar --rsh-command=./localsh --rmt-command=/usr/sbin/rmt-tar -cf localhost:gnu.tar project'
run 'tar --rsh-command=./localsh --rmt-command=/usr/sbin/rmt-tar -rvf localhost:gnu.tar later.txt'
run 'tar -tf gnu.tar'

# 9. What answers on a port today.
python3 -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.close()' >closed.port
CLOSED_PORT=$(cat closed.port)
python3 -c '
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(4)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    c.sendall(b"$Lock EXTENDEDPROTOCOL_tutorial_hub Pk=tutorial|")
    c.settimeout(2)
    try:
        c.recv(4096)
    except OSError:
        pass
    c.close()' >hub.port &
pids+=("$!")
for i in $(seq 1 100); do [ -s hub.port ] && break; sleep 0.1; done
HUB_PORT=$(cat hub.port)
rm -f closed.port hub.port
begin probe
run 'rmt411 probe localhost:$PORT'
run 'rmt411 probe localhost:$HUB_PORT'
run 'rmt411 probe localhost:$CLOSED_PORT'

stop_server

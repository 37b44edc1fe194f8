-- rmt411.lua: a Wireshark dissector for rmt, the Remote Magnetic Tape protocol (TCP port 411).
--
-- Part of rmt411 (docs/protocol.md teaches the protocol; this file follows its rules). Load it with
--   wireshark -X lua_script:rmt411.lua capture.pcapng
--   tshark -X lua_script:rmt411.lua -r capture.pcapng -O rmt
-- or copy it into Wireshark's personal plugins folder (Help > About > Folders); the Debian package
-- installs it as /usr/share/rmt411/wireshark/rmt411.lua. It decodes TCP port 411; for any other
-- port use Decode As... (tshark: -d tcp.port==PORT,rmt).
--
-- Every request and reply is decoded: O, C, L (both argument orders), R, W (count and payload),
-- I and i (Linux and RMT V1 op names), S (struct mtget field by field), s<c>, v/V probes, A, E
-- and F replies with errno names. A W payload or an R reply spanning TCP segments is reassembled.
-- An R or S reply carries raw bytes whose meaning depends on the request it answers, so the
-- requests of each TCP stream are queued in order and each reply is matched with the oldest.
--
-- Written for Wireshark 3.x/4.x (Lua 5.2 to 5.4): no integer-only operators, bit ops from "bit".

local rmt = Proto("rmt", "Remote Magnetic Tape (rmt)")

local PORT = 411
-- The longest argument line rmt411 accepts (a device name, 4096 bytes) and some slack: a stream
-- without a newline by then is not rmt, and is shown as garbage instead of being held forever.
local MAX_LINES = 8192
local NL = 10

------------------------------------------------------------------------------------------------
-- Fields
------------------------------------------------------------------------------------------------
local F = {
    direction = ProtoField.string("rmt.direction", "Direction"),
    command = ProtoField.string("rmt.command", "Command"),
    command_name = ProtoField.string("rmt.command.name", "Meaning"),
    device = ProtoField.string("rmt.device", "Device"),
    flags = ProtoField.string("rmt.flags", "Open flags (as sent)"),
    flags_value = ProtoField.uint32("rmt.flags.value", "Open flags (number)", base.DEC),
    flags_names = ProtoField.string("rmt.flags.names", "Open flags (meaning)"),
    close_arg = ProtoField.string("rmt.close.arg", "Close argument (ignored)"),
    seek_line1 = ProtoField.string("rmt.seek.line1", "First argument"),
    seek_line2 = ProtoField.string("rmt.seek.line2", "Second argument"),
    seek_offset_first = ProtoField.string("rmt.seek.offset_first", "Read offset first"),
    seek_whence_first = ProtoField.string("rmt.seek.whence_first", "Read whence first"),
    seek_order = ProtoField.string("rmt.seek.order", "Order rmt411 chooses"),
    seek_rule = ProtoField.string("rmt.seek.rule", "Why"),
    seek_offset = ProtoField.string("rmt.seek.offset", "Offset"),
    seek_whence = ProtoField.string("rmt.seek.whence", "Whence"),
    count = ProtoField.int64("rmt.count", "Count", base.DEC),
    payload = ProtoField.bytes("rmt.payload", "Payload"),
    payload_length = ProtoField.uint32("rmt.payload.length", "Payload length", base.DEC),
    op = ProtoField.int32("rmt.op", "Operation", base.DEC),
    op_linux = ProtoField.string("rmt.op.linux", "Linux MTIOCTOP name"),
    op_v1 = ProtoField.string("rmt.op.v1", "RMT V1 name"),
    op_applies = ProtoField.string("rmt.op.applies", "Meaning in this session"),
    s_framing = ProtoField.string("rmt.status.framing", "Framing"),
    status_field = ProtoField.string("rmt.status.field", "Status field"),
    version_arg = ProtoField.string("rmt.version.arg", "Version probe argument"),
    garbage = ProtoField.bytes("rmt.garbage", "Not rmt"),
    reply = ProtoField.string("rmt.reply", "Reply"),
    reply_to = ProtoField.string("rmt.reply.to", "Answers"),
    request_in = ProtoField.framenum("rmt.request_in", "Request in frame"),
    value = ProtoField.int64("rmt.value", "Value", base.DEC),
    data = ProtoField.bytes("rmt.data", "Data"),
    data_length = ProtoField.uint32("rmt.data.length", "Data length", base.DEC),
    errno = ProtoField.uint32("rmt.errno", "errno", base.DEC),
    errno_name = ProtoField.string("rmt.errno.name", "errno name"),
    error_text = ProtoField.string("rmt.error.text", "Error text"),
    status_value = ProtoField.string("rmt.status.value", "Status field value"),
    mt_type = ProtoField.uint64("rmt.mtget.type", "mt_type", base.HEX),
    mt_resid = ProtoField.int64("rmt.mtget.resid", "mt_resid", base.DEC),
    mt_dsreg = ProtoField.uint64("rmt.mtget.dsreg", "mt_dsreg", base.HEX),
    mt_blksize = ProtoField.uint32("rmt.mtget.blksize", "Block size (0 = variable)", base.DEC),
    mt_density = ProtoField.uint8("rmt.mtget.density", "Density code", base.HEX),
    mt_gstat = ProtoField.uint64("rmt.mtget.gstat", "mt_gstat", base.HEX),
    mt_gstat_names = ProtoField.string("rmt.mtget.gstat.names", "mt_gstat bits"),
    mt_erreg = ProtoField.int64("rmt.mtget.erreg", "mt_erreg", base.DEC),
    mt_fileno = ProtoField.int32("rmt.mtget.fileno", "mt_fileno", base.DEC),
    mt_blkno = ProtoField.int32("rmt.mtget.blkno", "mt_blkno", base.DEC),
    mt_order = ProtoField.string("rmt.mtget.byte_order", "Byte order"),
}

-- One boolean per mt_gstat bit, so a filter can say rmt.mtget.gstat.bot == 1.
local GSTAT = {
    {0x80000000, "eof", "GMT_EOF", "just after a filemark"},
    {0x40000000, "bot", "GMT_BOT", "at the beginning of the tape"},
    {0x20000000, "eot", "GMT_EOT", "at the physical end of the tape"},
    {0x10000000, "sm", "GMT_SM", "just after a setmark"},
    {0x08000000, "eod", "GMT_EOD", "at the end of recorded data"},
    {0x04000000, "wr_prot", "GMT_WR_PROT", "write-protected cartridge"},
    {0x01000000, "online", "GMT_ONLINE", "a cartridge is loaded"},
    {0x00800000, "d_6250", "GMT_D_6250", "6250 bpi"},
    {0x00400000, "d_1600", "GMT_D_1600", "1600 bpi"},
    {0x00200000, "d_800", "GMT_D_800", "800 bpi"},
    {0x00040000, "dr_open", "GMT_DR_OPEN", "door open, no cartridge"},
    {0x00010000, "im_rep_en", "GMT_IM_REP_EN", "immediate report mode"},
    {0x00008000, "cln", "GMT_CLN", "cleaning requested"},
}
local gstat_fields = {}
for i, bitdef in ipairs(GSTAT) do
    gstat_fields[i] = ProtoField.bool("rmt.mtget.gstat." .. bitdef[2], bitdef[3] .. " (" .. bitdef[4] .. ")")
end

local all = {}
for _, f in pairs(F) do all[#all + 1] = f end
for _, f in ipairs(gstat_fields) do all[#all + 1] = f end
rmt.fields = all

local E = {
    garbage = ProtoExpert.new("rmt.expert.garbage", "Not an rmt request: rmt411 answers E22 and closes",
        expert.group.MALFORMED, expert.severity.ERROR),
    error = ProtoExpert.new("rmt.expert.error", "Error reply", expert.group.RESPONSE_CODE, expert.severity.NOTE),
    unmatched = ProtoExpert.new("rmt.expert.unmatched", "Reply to no request seen in this capture",
        expert.group.SEQUENCE, expert.severity.WARN),
}
rmt.experts = {E.garbage, E.error, E.unmatched}

------------------------------------------------------------------------------------------------
-- Names
------------------------------------------------------------------------------------------------
local COMMANDS = {
    O = "open", C = "close", L = "lseek", R = "read", W = "write", I = "MTIOCTOP (tape operation)",
    S = "MTIOCGET (drive status)", s = "one status field (RMT V1)", i = "extended tape operation (RMT V1)",
    v = "version probe (Schily: A1)", V = "version probe (FreeBSD, dump: A2)", ["\n"] = "empty line",
}

-- <linux/mtio.h>
local LINUX_OPS = {
    [0] = "MTRESET", "MTFSF", "MTBSF", "MTFSR", "MTBSR", "MTWEOF", "MTREW", "MTOFFL", "MTNOP", "MTRETEN",
    "MTBSFM", "MTFSFM", "MTEOM", "MTERASE", "MTRAS1", "MTRAS2", "MTRAS3", nil, nil, nil, "MTSETBLK",
    "MTSETDENSITY", "MTSEEK", "MTTELL", "MTSETDRVBUFFER", "MTFSS", "MTBSS", "MTWSM", "MTLOCK", "MTUNLOCK",
    "MTLOAD", "MTUNLOAD", "MTCOMPRESSION", "MTSETPART", "MTMKPART", "MTWEOFI",
}
-- Sun's RMT V1 portable numbers (star, dump), valid after I-1; 8-10 are dump's additions.
local V1_OPS = {
    [0] = "WEOF", "FSF", "BSF", "FSR", "BSR", "REW", "OFFL", "NOP", "RETEN", "ERASE", "EOM",
}
local V1_EXTENDED = {[0] = "CACHE", "NOCACHE", "RETEN", "ERASE", "EOM", "NBSF"}

local ERRNOS = {
    [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO", [6] = "ENXIO", [7] = "E2BIG",
    [8] = "ENOEXEC", [9] = "EBADF", [10] = "ECHILD", [11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES",
    [14] = "EFAULT", [15] = "ENOTBLK", [16] = "EBUSY", [17] = "EEXIST", [18] = "EXDEV", [19] = "ENODEV",
    [20] = "ENOTDIR", [21] = "EISDIR", [22] = "EINVAL", [23] = "ENFILE", [24] = "EMFILE", [25] = "ENOTTY",
    [26] = "ETXTBSY", [27] = "EFBIG", [28] = "ENOSPC", [29] = "ESPIPE", [30] = "EROFS", [31] = "EMLINK",
    [32] = "EPIPE", [33] = "EDOM", [34] = "ERANGE", [36] = "ENAMETOOLONG", [38] = "ENOSYS",
    [40] = "ELOOP", [75] = "EOVERFLOW", [95] = "EOPNOTSUPP", [122] = "EDQUOT", [123] = "ENOMEDIUM",
    [124] = "EMEDIUMTYPE",
}

-- Linux x86_64 open(2) flags, as GNU clients send the number and rmt411 reads it.
local OPEN_FLAGS = {
    {64, "O_CREAT"}, {128, "O_EXCL"}, {256, "O_NOCTTY"}, {512, "O_TRUNC"}, {1024, "O_APPEND"},
    {2048, "O_NONBLOCK"}, {4096, "O_DSYNC"}, {8192, "O_ASYNC"}, {1048576, "O_SYNC"},
}
local ACCESS = {[0] = "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE?"}

local function flags_meaning(number)
    local names = {ACCESS[bit.band(number, 3)]}
    for _, f in ipairs(OPEN_FLAGS) do
        if bit.band(number, f[1]) == f[1] then names[#names + 1] = f[2] end
    end
    return table.concat(names, "|")
end

------------------------------------------------------------------------------------------------
-- Per-stream state. Wireshark dissects each frame in order once (first pass), then again at will:
-- whatever depends on earlier frames (which request a reply answers, whether the session did the
-- RMT V1 handshake, the L order it showed) is worked out on the first pass and kept per PDU.
------------------------------------------------------------------------------------------------
local streams = {}
local pdus = {}

function rmt.init()
    streams = {}
    pdus = {}
end

-- A stream is named by its two ends, the same both ways. (tcp.stream would do, but a field is
-- only extracted when a tree is built, and Wireshark's first pass may build none.) A port pair
-- used again later finds the old state: its queue is empty by then, every request answered; only
-- the memory of I-1 and of the L order carries over, to a new session on the very same ports.
local function stream_state(pinfo)
    local a = tostring(pinfo.src) .. " " .. pinfo.src_port
    local b = tostring(pinfo.dst) .. " " .. pinfo.dst_port
    local id = a < b and (a .. "|" .. b) or (b .. "|" .. a)
    local s = streams[id]
    if s == nil then
        s = {queue = {}, head = 1, tail = 0, v1 = false, order = nil}
        streams[id] = s
    end
    return s
end

-- The key of one PDU: its frame, where its tvb sits in the frame and its offset in that tvb.
local function pdu_key(pinfo, tvb, offset)
    return pinfo.number .. ":" .. tvb:offset() .. ":" .. tvb:len() .. ":" .. offset
end

------------------------------------------------------------------------------------------------
-- Framing
------------------------------------------------------------------------------------------------

-- Reads `count` lines from offset; returns the lines, their start offsets and the offset after
-- them, or nil when the buffer ends first (or false when no line ends within MAX_LINES).
local function lines(tvb, offset, count)
    local available = tvb:len() - offset
    if available <= 0 then return nil end
    local text = tvb:raw(offset, math.min(available, MAX_LINES))
    local out, starts, pos = {}, {}, 1
    for _ = 1, count do
        local nl = text:find("\n", pos, true)
        if nl == nil then
            if available >= MAX_LINES then return false end
            return nil
        end
        out[#out + 1] = text:sub(pos, nl - 1)
        starts[#starts + 1] = offset + pos - 1
        pos = nl + 1
    end
    return out, starts, offset + pos - 1
end

local function decimal(text)
    local trimmed = text:match("^%s*([+-]?%d+)%s*$")
    return trimmed and tonumber(trimmed) or nil
end

local STATUS_FIELDS = {
    T = "mt_type", D = "mt_dsreg", E = "mt_erreg", R = "mt_resid", F = "mt_fileno", B = "mt_blkno",
    f = "mt_gstat (dump on Linux)", b = "always 0 (dump)",
}

-- How many lines follow each command letter (W adds its payload, s one byte, S an optional \n).
local ARG_LINES = {O = 2, L = 2, I = 2, i = 2, C = 1, R = 1, W = 1, v = 1, V = 1}

------------------------------------------------------------------------------------------------
-- Requests
------------------------------------------------------------------------------------------------

-- The L rules of docs/protocol.md ("L - the two argument orders"), as rmt411 applies them.
local SYMBOLIC = {SET = 0, CUR = 1, END = 2}
local WHENCE = {[0] = "SEEK_SET", "SEEK_CUR", "SEEK_END"}

local function symbolic(text)
    local word = text:match("^%s*([%u_]+)%s*$")
    if word == nil then return nil end
    return SYMBOLIC[word:gsub("^SEEK_", "")]
end

local function seek_order(a, b, shown)
    if symbolic(a) then return "whence-first", "rule 1: a symbolic whence (" .. a .. ") marks its line" end
    if symbolic(b) then return "offset-first", "rule 1: a symbolic whence (" .. b .. ") marks its line" end
    local x, y = decimal(a), decimal(b)
    if x ~= nil and (x < 0 or x > 2) then return "offset-first", "rule 2: " .. a .. " can only be the offset" end
    if y ~= nil and (y < 0 or y > 2) then return "whence-first", "rule 2: " .. b .. " can only be the offset" end
    if x ~= nil and y ~= nil and (x == 0) ~= (y == 0) then
        return "either order", "rule 3: only one is non-zero; it is the whence, the offset is 0, both readings agree"
    end
    if shown then return shown, "rule 4: the order this session showed earlier" end
    return "offset-first", "rule 4: ambiguous, offset first as every client but GNU tar >= 1.35 sends"
end

local function reading(offset_text, whence_text)
    local w = symbolic(whence_text) or decimal(whence_text)
    return "offset " .. offset_text .. ", whence " .. whence_text .. " (" .. (WHENCE[w] or "invalid") .. ")"
end

local function add_seek(tree, tvb, starts, args, state, stored)
    local a, b = args[1], args[2]
    tree:add(F.seek_line1, tvb(starts[1], #a), a)
    tree:add(F.seek_line2, tvb(starts[2], #b), b)
    tree:add(F.seek_offset_first, reading(a, b)):set_generated()
    tree:add(F.seek_whence_first, reading(b, a)):set_generated()
    if stored.order == nil then
        stored.order, stored.why = seek_order(a, b, state.order)
        if stored.why:find("^rule [12]") then state.order = stored.order end
    end
    tree:add(F.seek_order, stored.order):set_generated()
    tree:add(F.seek_rule, stored.why):set_generated()
    local offset, whence = a, b
    if stored.order == "whence-first" then offset, whence = b, a end
    if stored.order == "either order" then
        offset, whence = "0", ((decimal(a) or 0) ~= 0) and a or b
    end
    tree:add(F.seek_offset, offset):set_generated()
    local w = symbolic(whence) or decimal(whence)
    tree:add(F.seek_whence, WHENCE[w] or ("invalid: " .. whence)):set_generated()
    return "L " .. a .. " / " .. b .. " (" .. stored.order .. ")"
end

local function add_op(tree, tvb, starts, args, cmd, state, stored)
    local op = decimal(args[1])
    if op ~= nil then tree:add(F.op, tvb(starts[1], #args[1]), op) end
    tree:add(F.count, tvb(starts[2], #args[2]), Int64(decimal(args[2]) or 0))
    if stored.v1 == nil then
        stored.v1 = state.v1
        if cmd == "I" and op == -1 then state.v1 = true end
    end
    if cmd == "i" then
        tree:add(F.op_v1, V1_EXTENDED[op] or "unknown"):set_generated()
        return "i " .. args[1] .. " " .. args[2] .. " (" .. (V1_EXTENDED[op] or "?") .. ")"
    end
    if op == -1 then
        tree:add(F.op_applies, "RMT V1 handshake: the server answers A1 and reads I ops 0-10 as V1 numbers")
            :set_generated()
        return "I -1 " .. args[2] .. " (RMT V1 handshake)"
    end
    local linux, v1 = LINUX_OPS[op] or "unknown", V1_OPS[op] or "none"
    tree:add(F.op_linux, linux):set_generated()
    tree:add(F.op_v1, v1):set_generated()
    local applies = stored.v1 and ("MT" .. v1 .. " (after I-1)") or linux
    tree:add(F.op_applies, applies):set_generated()
    return "I " .. args[1] .. " " .. args[2] .. " (" .. applies .. ")"
end

-- Adds the arguments of a request whose lines were read; returns the Info column text.
local function add_request_args(tree, tvb, starts, args, cmd, state, stored)
    if cmd == "O" then
        tree:add(F.device, tvb(starts[1], #args[1]), args[1])
        tree:add(F.flags, tvb(starts[2], #args[2]), args[2])
        local number = args[2]:match("^%s*(%d+)")
        local symbolic_part = args[2]:match("^%s*%d*%s*(.-)%s*$")
        if number then tree:add(F.flags_value, tvb(starts[2], #number), tonumber(number)) end
        local meaning = (symbolic_part ~= "" and symbolic_part) or (number and flags_meaning(tonumber(number)))
        tree:add(F.flags_names, meaning or "?"):set_generated()
        return "O " .. args[1] .. " " .. args[2]
    elseif cmd == "L" then
        return add_seek(tree, tvb, starts, args, state, stored)
    elseif cmd == "I" or cmd == "i" then
        return add_op(tree, tvb, starts, args, cmd, state, stored)
    elseif cmd == "R" then
        tree:add(F.count, tvb(starts[1], #args[1]), Int64(decimal(args[1]) or 0))
        return "R " .. args[1]
    elseif cmd == "C" then
        tree:add(F.close_arg, tvb(starts[1], #args[1]), args[1])
        return "C"
    else -- v, V
        tree:add(F.version_arg, tvb(starts[1], #args[1]), args[1])
        return cmd .. args[1]
    end
end

-- One request at offset: returns the bytes it takes, or nil and the bytes still missing
-- (DESEGMENT_ONE_MORE_SEGMENT when unknown).
local function request(tvb, pinfo, tree, offset, state)
    local cmd = tvb:raw(offset, 1)
    local key = pdu_key(pinfo, tvb, offset)
    local stored = pdus[key] or {}
    local length, info, payload, args, starts = 1, nil, nil, nil, nil
    if cmd == "S" then
        if tvb:len() > offset + 1 and tvb(offset + 1, 1):uint() == NL then length = 2 end
    elseif cmd == "s" then
        if tvb:len() < offset + 2 then return nil, 1 end
        length = 2
    elseif ARG_LINES[cmd] ~= nil then
        local after
        args, starts, after = lines(tvb, offset + 1, ARG_LINES[cmd])
        if args == nil then return nil, DESEGMENT_ONE_MORE_SEGMENT end
        if args == false then cmd = "?" else
            length = after - offset
            if cmd == "W" then
                payload = decimal(args[1]) or 0
                if tvb:len() < after + payload then return nil, after + payload - tvb:len() end
                length = length + payload
            end
        end
    elseif cmd ~= "\n" then
        cmd = "?"
    end
    if cmd == "?" then length = tvb:len() - offset end
    if stored.after_s == nil then stored.after_s = cmd == "\n" and state.last == "S" end

    local item = tree:add(rmt, tvb(offset, length))
    item:add(F.direction, "request"):set_generated()
    item:add(F.command, tvb(offset, 1), cmd == "?" and tvb:raw(offset, 1) or cmd)
    item:add(F.command_name, COMMANDS[cmd] or "garbage command"):set_generated()
    if cmd == "S" then
        item:add(F.s_framing, length == 2 and "S\\n (GNU clients since 2024)"
            or "bare S (BSD, dump, GNU mt before 2024)"):set_generated()
        info = "S"
    elseif cmd == "s" then
        local c = tvb:raw(offset + 1, 1)
        item:add(F.status_field, tvb(offset + 1, 1), c .. " (" .. (STATUS_FIELDS[c] or "unknown") .. ")")
        info = "s" .. c .. " (" .. (STATUS_FIELDS[c] or "unknown") .. ")"
    elseif cmd == "\n" then
        info = stored.after_s and "newline after a bare S (rmt411 skips it, no reply)"
            or "empty line (a garbage command)"
    elseif cmd == "?" then
        item:add(F.garbage, tvb(offset, length))
        item:add_proto_expert_info(E.garbage)
        info = "garbage"
    elseif cmd == "W" then
        item:add(F.count, tvb(starts[1], #args[1]), Int64(payload))
        item:add(F.payload_length, payload):set_generated()
        if payload > 0 then item:add(F.payload, tvb(offset + length - payload, payload)) end
        info = "W " .. args[1]
    else
        info = add_request_args(item, tvb, starts, args, cmd, state, stored)
    end
    item:append_text(": " .. info)
    if pdus[key] == nil then
        -- A newline right after a bare S is skipped without a reply, so it waits for none.
        if not stored.after_s then
            state.tail = state.tail + 1
            state.queue[state.tail] = {cmd = cmd, frame = pinfo.number, info = info}
        end
        state.last = cmd
        pdus[key] = stored
    end
    return length, info
end

------------------------------------------------------------------------------------------------
-- Replies
------------------------------------------------------------------------------------------------

local function gstat_names(gstat)
    local names = {}
    for _, bitdef in ipairs(GSTAT) do
        if bit.band(gstat, bitdef[1]) ~= 0 then names[#names + 1] = bitdef[3] end
    end
    return table.concat(names, " ")
end

local function add_mtget(tree, tvb, offset, length)
    local st = tree:add(tvb(offset, length), "struct mtget (" .. length .. " bytes)")
    -- A type of 256 or more read little-endian means a big-endian server: GNU clients swap then.
    local le = length < 8 or tvb(offset, 8):le_uint64() < UInt64(256)
    local add = le and st.add_le or st.add
    local function u32(at) return le and tvb(at, 4):le_uint() or tvb(at, 4):uint() end
    st:add(F.mt_order, le and "little-endian (Linux x86_64 layout)" or "big-endian"):set_generated()
    if length >= 8 then add(st, F.mt_type, tvb(offset, 8)) end
    if length >= 16 then add(st, F.mt_resid, tvb(offset + 8, 8)) end
    if length >= 24 then
        add(st, F.mt_dsreg, tvb(offset + 16, 8))
        local dsreg = u32(offset + (le and 16 or 20))
        st:add(F.mt_blksize, tvb(offset + 16, 8), bit.band(dsreg, 0xffffff)):set_generated()
        st:add(F.mt_density, tvb(offset + 16, 8), bit.band(bit.rshift(dsreg, 24), 0xff)):set_generated()
    end
    if length >= 32 then
        add(st, F.mt_gstat, tvb(offset + 24, 8))
        local gstat = u32(offset + (le and 24 or 28))
        for i, bitdef in ipairs(GSTAT) do
            st:add(gstat_fields[i], tvb(offset + 24, 8), bit.band(gstat, bitdef[1]) ~= 0):set_generated()
        end
        st:add(F.mt_gstat_names, gstat_names(gstat)):set_generated()
    end
    if length >= 40 then add(st, F.mt_erreg, tvb(offset + 32, 8)) end
    if length >= 44 then add(st, F.mt_fileno, tvb(offset + 40, 4)) end
    if length >= 48 then add(st, F.mt_blkno, tvb(offset + 44, 4)) end
end

-- The request a reply answers: stored on the first pass, the oldest still unanswered.
local function answered(pinfo, tvb, offset, state)
    local key = pdu_key(pinfo, tvb, offset)
    local stored = pdus[key]
    if stored == nil then
        stored = {}
        if state.head <= state.tail then
            stored.req = state.queue[state.head]
            state.queue[state.head] = nil
            state.head = state.head + 1
        end
        pdus[key] = stored
    end
    return stored.req
end

local function reply(tvb, pinfo, tree, offset, state)
    local letter = tvb:raw(offset, 1)
    if letter ~= "A" and letter ~= "E" and letter ~= "F" then
        local item = tree:add(rmt, tvb(offset))
        item:add(F.direction, "reply"):set_generated()
        item:add(F.garbage, tvb(offset))
        item:add_proto_expert_info(E.garbage, "Not an rmt reply")
        return tvb:len() - offset, "garbage"
    end
    local args, starts, after = lines(tvb, offset + 1, letter == "A" and 1 or 2)
    if args == nil then return nil, DESEGMENT_ONE_MORE_SEGMENT end
    if args == false then return tvb:len() - offset, "garbage" end
    local number = decimal(args[1])
    -- Peek at the request without consuming it until the whole reply is here.
    local key = pdu_key(pinfo, tvb, offset)
    local req
    if pdus[key] ~= nil then req = pdus[key].req
    elseif state.head <= state.tail then req = state.queue[state.head] end
    local data = 0
    if letter == "A" and req ~= nil and (req.cmd == "R" or req.cmd == "S") then
        data = number or 0
        if tvb:len() < after + data then return nil, after + data - tvb:len() end
    end
    req = answered(pinfo, tvb, offset, state)
    local length = after - offset + data
    local item = tree:add(rmt, tvb(offset, length))
    item:add(F.direction, "reply"):set_generated()
    item:add(F.reply, tvb(offset, 1), letter)
    if req then
        item:add(F.reply_to, req.info):set_generated()
        item:add(F.request_in, req.frame):set_generated()
    else
        item:add_proto_expert_info(E.unmatched)
    end
    local info
    if letter == "A" then
        item:add(F.value, tvb(starts[1], #args[1]), Int64(number or 0))
        info = "A" .. args[1]
        if req and req.cmd == "R" then
            item:add(F.data_length, data):set_generated()
            if data > 0 then item:add(F.data, tvb(after, data)) end
        elseif req and req.cmd == "S" and data > 0 then
            add_mtget(item, tvb, after, data)
        elseif req and req.cmd == "s" then
            local c = req.info:sub(2, 2)
            local text = (STATUS_FIELDS[c] or "unknown field") .. " = " .. args[1]
            if c == "f" and number then text = text .. " (" .. gstat_names(number % 4294967296) .. ")" end
            item:add(F.status_value, text):set_generated()
        end
    else
        local name = ERRNOS[number] or "unknown"
        item:add(F.errno, tvb(starts[1], #args[1]), number or 0)
        item:add(F.errno_name, name):set_generated()
        item:add(F.error_text, tvb(starts[2], #args[2]), args[2])
        item:add_proto_expert_info(E.error, letter .. args[1] .. " " .. name .. ": " .. args[2])
        info = letter .. args[1] .. " " .. name .. " " .. args[2]
    end
    item:append_text(": " .. info)
    return length, info
end

------------------------------------------------------------------------------------------------
-- The dissector
------------------------------------------------------------------------------------------------
function rmt.dissector(tvb, pinfo, tree)
    -- The server's port is the one this dissector was found by: 411, or the port of Decode As.
    local server_port = (pinfo.match_uint ~= nil and pinfo.match_uint ~= 0) and pinfo.match_uint or PORT
    local from_client = pinfo.dst_port == server_port
    local state = stream_state(pinfo)
    local offset, infos = 0, {}
    while offset < tvb:len() do
        local length, info
        if from_client then
            length, info = request(tvb, pinfo, tree, offset, state)
        else
            length, info = reply(tvb, pinfo, tree, offset, state)
        end
        if length == nil then
            pinfo.desegment_offset = offset
            pinfo.desegment_len = info
            break
        end
        infos[#infos + 1] = info
        offset = offset + length
    end
    if #infos > 0 then
        pinfo.cols.protocol = "RMT"
        pinfo.cols.info = (from_client and "Request: " or "Reply: ") .. table.concat(infos, ", ")
    end
    return tvb:len()
end

local tcp_port = DissectorTable.get("tcp.port")
tcp_port:add(PORT, rmt)
-- Decode As... lists it for any other port (older Wireshark lists every tcp.port dissector anyway).
if tcp_port.add_for_decode_as then tcp_port:add_for_decode_as(rmt) end

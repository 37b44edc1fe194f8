/**
 * The rmt (Remote Magnetic Tape) wire codec, shared by the rmt411 server and client.
 *
 * <p>A request is a command letter, its first argument and {@code \n}; some commands carry a
 * second line and {@code W} carries raw payload. A reply is {@code A<n>\n} (plus data for
 * {@code R} and {@code S}) or {@code E<errno>\n<text>\n}. Framing lives in exactly four classes:
 * {@link org.rmt411.protocol.RmtRequestDecoder} and {@link org.rmt411.protocol.RmtReplyEncoder}
 * on the server, {@link org.rmt411.protocol.RmtRequestEncoder} and
 * {@link org.rmt411.protocol.RmtReplyDecoder} on the client. The dialect choices (both
 * {@code L} orders, {@code S} with and without newline, every open-flags form) are explained in
 * {@code docs/protocol.md}; the reference implementations are GNU paxutils {@code rmt/rmt.c}
 * and {@code lib/rtapelib.c}, and the BSD and dump {@code rmt.c}.
 */
package org.rmt411.protocol;

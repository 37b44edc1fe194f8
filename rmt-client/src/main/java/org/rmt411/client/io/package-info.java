/**
 * Record-oriented streams over a remote tape. A record is one tape block: one {@code W} or
 * {@code R} of blocking factor × 512 bytes (a tar "block" is 512 bytes; commons-compress uses the
 * two words the other way round).
 */
package org.rmt411.client.io;

package org.rmt411.client;

/**
 * How a session's pipelined writes were answered ({@link RemoteTape#writeTally()}): what a
 * multi-volume writer needs to know which records reached the tape when one is refused while
 * others are in flight.
 *
 * @param answered writes answered so far, in the order sent
 * @param firstFailure the index (from 0) of the first write not written whole, or -1
 * @param succeededAfterFailure writes after that one that were written all the same (st lets
 *     every other write through after early warning)
 */
public record WriteTally(long answered, long firstFailure, long succeededAfterFailure) {
}

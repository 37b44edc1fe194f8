/**
 * {@code rmt411 console}: an interactive rmt session for learning the protocol, showing every
 * request's and reply's exact bytes and explaining each outcome in the words of
 * {@link org.rmt411.protocol.explain}.
 */
package org.rmt411.client.console;

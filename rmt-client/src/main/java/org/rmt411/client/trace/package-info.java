/**
 * Watching the client's side of the protocol: the client's {@code --trace} and the request
 * scanner the console shares with it.
 */
package org.rmt411.client.trace;

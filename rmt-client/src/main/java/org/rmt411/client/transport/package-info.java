/**
 * How the client reaches an rmt server: TCP (rmt411, port 411) or a remote shell running a stock
 * rmt, as GNU tar starts it; plus the stdin/stdout bridge that lets stock tools reach the TCP
 * server, and the port probe.
 */
package org.rmt411.client.transport;

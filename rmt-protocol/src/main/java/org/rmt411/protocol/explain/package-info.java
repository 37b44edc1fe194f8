/**
 * The words of the teaching aids: what each request asks, who sends it so, how an {@code L} was
 * read, and the st rule behind a tape position, in one table-driven place that the server's and
 * client's {@code --trace=verbose} and the console share.
 */
package org.rmt411.protocol.explain;

/**
 * The rmt client library: {@link org.rmt411.client.RemoteTape} speaks the Remote Magnetic Tape
 * protocol (open, read, write, seek, ioctl, status, close) to rmt411's server or any stock rmt
 * server, in the dialect {@link org.rmt411.client.RmtDialect} describes, trusting nothing the
 * server says. The client side of the protocol follows GNU paxutils {@code lib/rtapelib.c}, with
 * its CVE-2010-0624 lesson applied everywhere; see {@code docs/client.md}.
 */
package org.rmt411.client;

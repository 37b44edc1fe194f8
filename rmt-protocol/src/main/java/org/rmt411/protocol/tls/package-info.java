/**
 * TLS material both ends of rmt411 share: PEM certificates and keys as users get them from a CA
 * or ACME, read with {@code java.security} alone, and the SSL contexts built from them.
 */
package org.rmt411.protocol.tls;

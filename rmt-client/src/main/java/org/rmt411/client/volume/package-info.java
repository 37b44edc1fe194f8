/**
 * Multi-volume archives as GNU tar writes them ({@code -M}): the archive continues on the next
 * volume at end of tape, each volume after the first starting with a GNU {@code 'M'} header for
 * the member split across the change; and the ways a new volume is made ready (a script, a
 * prompt, an autoloader).
 */
package org.rmt411.client.volume;

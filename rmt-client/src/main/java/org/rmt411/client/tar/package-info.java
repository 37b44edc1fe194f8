/**
 * Tar archives on remote tapes: streaming backup with commons-compress (PAX), verification,
 * listing and extraction that never writes outside its folder.
 */
package org.rmt411.client.tar;

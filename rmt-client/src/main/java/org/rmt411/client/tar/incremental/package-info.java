/**
 * GNU tar's listed incremental backups ({@code -g FILE}): the snapshot file (format 2), the
 * dumpdir that records each folder's contents in the archive, the plan that decides what a level
 * dumps, and the renames and deletions that extraction applies.
 */
package org.rmt411.client.tar.incremental;

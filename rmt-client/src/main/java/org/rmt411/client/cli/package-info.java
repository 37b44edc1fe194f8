/**
 * The {@code rmt-client} command line (picocli): backup, list, restore, mt, bridge and probe,
 * with GNU tar's and GNU mt's option habits. Exit codes are in {@link org.rmt411.client.cli.ExitCode}.
 */
package org.rmt411.client.cli;

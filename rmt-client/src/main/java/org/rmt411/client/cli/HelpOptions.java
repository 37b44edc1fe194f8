package org.rmt411.client.cli;

import picocli.CommandLine.Option;

/**
 * {@code --help} alone, instead of picocli's standard {@code -h}/{@code -V}: to a tar user
 * {@code -h} means {@code --dereference} and {@code -V} is {@code --label}.
 */
final class HelpOptions {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;
}

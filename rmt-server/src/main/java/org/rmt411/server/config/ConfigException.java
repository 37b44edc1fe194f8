package org.rmt411.server.config;

/**
 * A configuration file that cannot be used, with the one line that says where and why:
 * {@code /etc/rmt411/rmt411.conf:7: unknown key 'rooot'}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}

package org.knime.core.node;

@SuppressWarnings("serial")
public class NotConfigurableException extends Exception {
    public NotConfigurableException(final String message) { super(message); }
    public NotConfigurableException(final String message, final Throwable cause) { super(message, cause); }
}

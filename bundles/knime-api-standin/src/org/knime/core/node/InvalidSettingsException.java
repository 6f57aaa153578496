package org.knime.core.node;

/** Stand-in for KNIME's InvalidSettingsException (bundle org.knime.core.util in real KNIME). */
@SuppressWarnings("serial")
public class InvalidSettingsException extends Exception {
    public InvalidSettingsException(final String s) { super(s); }
    public InvalidSettingsException(final Throwable cause) { super(cause); }
    public InvalidSettingsException(final String msg, final Throwable cause) { super(msg, cause); }
}

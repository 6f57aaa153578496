package org.knime.core.node;

@SuppressWarnings("serial")
public class CanceledExecutionException extends Exception {
    public CanceledExecutionException() { super(); }
    public CanceledExecutionException(final String s) { super(s); }
}

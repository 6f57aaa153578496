package org.knime.core.node;

public class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;
    public CanceledExecutionException() { super(); }
    public CanceledExecutionException(String message) { super(message); }
}

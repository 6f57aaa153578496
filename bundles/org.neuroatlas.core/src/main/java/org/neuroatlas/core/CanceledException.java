package org.neuroatlas.core;

/** Thrown from {@link Progress#checkCanceled()} once the user asked to stop; not an error. */
public class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CanceledException() {
        super("canceled");
    }
}

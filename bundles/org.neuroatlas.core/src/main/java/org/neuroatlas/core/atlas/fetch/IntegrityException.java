package org.neuroatlas.core.atlas.fetch;

/**
 * A downloaded file failed its check: checksum mismatch, truncated or corrupt content. The message says what was
 * expected and what was found, without naming the file (the caller adds the file and URL).
 */
public class IntegrityException extends Exception {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}

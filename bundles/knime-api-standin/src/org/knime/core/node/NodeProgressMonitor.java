package org.knime.core.node;

import java.util.function.Supplier;

/** Subset: the progress-listener methods (NodeProgressListener) are not declared; do not implement it. */
public interface NodeProgressMonitor {

    void checkCanceled() throws CanceledExecutionException;

    void setProgress(double progress);

    Double getProgress();

    void setProgress(double progress, String message);

    default void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message.get());
    }

    void setMessage(String message);

    default void setMessage(final Supplier<String> message) {
        setMessage(message.get());
    }

    void setProgress(String message);

    String getMessage();

    void setExecuteCanceled();

    void reset();
}

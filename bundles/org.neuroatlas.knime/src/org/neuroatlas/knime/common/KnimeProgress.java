package org.neuroatlas.knime.common;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;

/** The engine's progress-and-cancel interface on a KNIME {@link ExecutionMonitor}. */
public final class KnimeProgress implements Progress {

    /** A piece of engine work that reports progress. */
    @FunctionalInterface
    public interface Task<R> {
        R run(Progress progress) throws Exception;
    }

    private final ExecutionMonitor exec;

    public KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    /** Runs engine work under {@code exec}, turning the engine's cancellation into KNIME's. */
    public static <R> R run(ExecutionMonitor exec, Task<R> task) throws Exception {
        try {
            return task.run(new KnimeProgress(exec));
        } catch (CanceledException e) {
            throw new CanceledExecutionException("canceled");
        }
    }

    @Override
    public void report(double fraction, String message) {
        if (message == null) {
            exec.setProgress(fraction);
        } else {
            exec.setProgress(fraction, message);
        }
    }

    @Override
    public boolean isCanceled() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}

package org.knime.core.node;

import java.util.function.Supplier;

/** Working execution monitor; cancel through {@code getProgressMonitor().setExecuteCanceled()} as in KNIME. */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    public ExecutionMonitor() {
        m_progress = new DefaultNodeProgressMonitor();
    }

    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new DefaultNodeProgressMonitor() : progress;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    boolean isCanceled() {
        try {
            m_progress.checkCanceled();
            return false;
        } catch (CanceledExecutionException cee) {
            return true;
        }
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier);
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg));
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSilentSubProgressMonitor(maxProg));
    }

    NodeProgressMonitor createSubProgressMonitor(final double maxProg) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
        return new DefaultNodeProgressMonitor.SubNodeProgressMonitor(m_progress, maxProg, false);
    }

    NodeProgressMonitor createSilentSubProgressMonitor(final double maxProg) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
        return new DefaultNodeProgressMonitor.SubNodeProgressMonitor(m_progress, maxProg, true);
    }
}

package org.knime.core.node;

import java.util.function.Supplier;

/** Working progress monitor: keeps the latest progress/message; cancellation via setExecuteCanceled(). */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile boolean m_cancelExecute;
    private Double m_progress;
    private String m_message;

    public DefaultNodeProgressMonitor() {
        m_cancelExecute = false;
    }

    @Override
    public synchronized void reset() {
        m_cancelExecute = false;
        m_progress = null;
        m_message = null;
    }

    protected boolean isCanceled() {
        return m_cancelExecute || Thread.currentThread().isInterrupted();
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            throw new CanceledExecutionException("ProgressMonitor has been canceled.");
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_cancelExecute = true;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        setProgress(progress);
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final double progress, final Supplier<String> message) {
        if (message == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        setProgress(progress, message.get());
    }

    @Override
    public synchronized void setProgress(final double progress) {
        if (progress >= 0.0 && progress <= 1.0) {
            m_progress = progress;
        }
    }

    @Override
    public synchronized void setMessage(final String message) {
        setProgress(message);
    }

    @Override
    public synchronized void setMessage(final Supplier<String> message) {
        if (message == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        m_message = message.get();
    }

    @Override
    public synchronized void setProgress(final String message) {
        m_message = message;
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }

    /** Reports into a parent over the range [0, max] (real KNIME: package-private nested class too). */
    static class SubNodeProgressMonitor implements NodeProgressMonitor {
        private final NodeProgressMonitor m_parent;
        private final double m_maxProg;
        private final boolean m_silent;
        private double m_lastProg;
        private String m_message;

        SubNodeProgressMonitor(final NodeProgressMonitor parent, final double max, final boolean silent) {
            m_parent = parent;
            m_maxProg = max;
            m_silent = silent;
        }

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            m_parent.checkCanceled();
        }

        @Override
        public void setProgress(final double progress) {
            if (progress < 0.0 || progress > 1.0) {
                return;
            }
            synchronized (m_parent) {
                Double parent = m_parent.getProgress();
                double base = parent == null ? 0.0 : parent;
                double next = Math.min(1.0, Math.max(0.0, base + (progress - m_lastProg) * m_maxProg));
                m_lastProg = progress;
                m_parent.setProgress(next);
            }
        }

        @Override
        public Double getProgress() {
            return m_lastProg;
        }

        @Override
        public void setProgress(final double progress, final String message) {
            setProgress(progress);
            setMessage(message);
        }

        @Override
        public void setMessage(final String message) {
            if (!m_silent) {
                m_message = message;
                m_parent.setMessage(message);
            }
        }

        @Override
        public void setProgress(final String message) {
            setMessage(message);
        }

        @Override
        public String getMessage() {
            return m_message == null ? "" : m_message;
        }

        @Override
        public void setExecuteCanceled() {
            throw new IllegalStateException("This method must not be called.");
        }

        @Override
        public void reset() {
            throw new IllegalStateException("This method must not be called.");
        }
    }
}

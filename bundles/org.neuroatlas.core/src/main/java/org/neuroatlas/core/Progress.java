package org.neuroatlas.core;

/**
 * Progress and cancellation of a long task, implemented by the CLI (a bar on stderr) and by the KNIME nodes
 * (their ExecutionMonitor). Engine code reports the fraction done and checks for cancellation between blocks of
 * work. Implementations must be thread-safe: worker threads report concurrently.
 */
public interface Progress {

    /** Reports that {@code fraction} (0..1) of this task is done; {@code message} may be null (keep the last). */
    void report(double fraction, String message);

    /** True once the user asked to stop. */
    boolean isCanceled();

    /** @throws CanceledException if the user asked to stop */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CanceledException();
        }
    }

    /** A progress for a sub-task that covers the fractions [from, to] of this task. */
    default Progress slice(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                double f = Math.min(1, Math.max(0, fraction));
                parent.report(from + f * (to - from), message);
            }

            @Override
            public boolean isCanceled() {
                return parent.isCanceled();
            }
        };
    }

    /**
     * This progress with every message prefixed by {@code label} (a sample, a brain), so one display can say which
     * of several items is running (a null message still keeps the last one).
     */
    default Progress labelled(String label) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(fraction, message == null ? null : label + ": " + message);
            }

            @Override
            public boolean isCanceled() {
                return parent.isCanceled();
            }
        };
    }

    /** Reports nothing and is never canceled. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
            // nothing to show
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };
}

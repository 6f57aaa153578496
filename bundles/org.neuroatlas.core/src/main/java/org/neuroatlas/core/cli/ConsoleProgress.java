package org.neuroatlas.core.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.neuroatlas.core.Progress;

/**
 * A progress bar with ETA on stderr. On a terminal it redraws one line at most five times a second; when stderr
 * is a file or pipe (batch jobs) it prints a plain line every 10 %. Cancellation comes from Ctrl-C (the JVM
 * exits), so {@link #isCanceled()} is always false.
 */
final class ConsoleProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final String task;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private String message = "";
    private boolean drawn;

    ConsoleProgress(PrintStream err, String task, boolean terminal) {
        this.err = err;
        this.task = task;
        this.terminal = terminal;
    }

    static ConsoleProgress stderr(String task, boolean quiet) {
        return new ConsoleProgress(quiet ? null : System.err, task, System.console() != null);
    }

    @Override
    public synchronized void report(double fraction, String msg) {
        if (err == null) {
            return;
        }
        if (msg != null) {
            message = msg;
        }
        double f = Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && f < 1) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) Math.round(f * width);
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            err.printf(Locale.ROOT, "\r%s [%s] %3.0f%%  %s  %s\u001b[K", task, bar, 100 * f, eta(f, now), message);
            drawn = true;
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf(Locale.ROOT, "%s %3.0f%%  %s  %s%n", task, 100 * f, eta(f, now), message);
            }
        }
    }

    private String eta(double f, long now) {
        double elapsed = (now - start) / 1e9;
        if (f <= 0.001 || f >= 1) {
            return "elapsed " + clock(elapsed);
        }
        return "ETA " + clock(elapsed * (1 - f) / f);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Ends the bar's line so that later output starts on a fresh line. */
    synchronized void done() {
        if (err != null && terminal && drawn) {
            err.println();
        }
    }

    @Override
    public boolean isCanceled() {
        return false;
    }
}

package org.neuroatlas.core.register;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.neuroatlas.core.Progress;

/**
 * Runs independent work items (planes of a grid, chunks of points) on all cores. Determinism comes from the callers:
 * every item writes only its own output slots and per-item results are combined in item order afterwards, so the
 * outcome does not depend on the number of threads or their timing.
 */
final class Parallel {

    private Parallel() {
    }

    /** Calls {@code body} for 0 … n−1 in parallel, checking for cancellation and reporting progress per item. */
    static void forEach(int n, Progress progress, String message, IntConsumer body) {
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            progress.checkCanceled();
            body.accept(i);
            progress.report(done.incrementAndGet() / (double) n, message);
        });
    }

    /** Calls {@code body} for 0 … n−1 in parallel. */
    static void forEach(int n, IntConsumer body) {
        IntStream.range(0, n).parallel().forEach(body);
    }
}

package org.neuroatlas.core.density.fibre;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.detect.ThresholdSample;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;

/**
 * Fibre (axon) segmentation of a full-resolution volume and fibre voxel counts per atlas region, chunked, on several
 * threads, in bounded memory; the counts are identical for any chunk size and thread count. Method: see the package
 * documentation. Entry point {@link #measure}; the table is {@link AxonDensityTable}.
 */
public final class FibreDensity {

    /** Sample blocks for the automatic thresholds: at most 4 × 4 × 4 of this size, on a grid fixed by the volume's size. */
    /** Somata: the cell-scale DoG above median + this × 1.4826 × MAD of its sample (and at least SOMA_RIDGE × R). */
    static final double SOMA_K = 3;
    /** Cells given as a table exclude a ball of this × their radius (the soma's blurred edge). */
    static final double CELL_BALL_RADII = 1.3;
    static final double HEAP_FRACTION = 0.6;

    private FibreDensity() {
    }

    /**
     * Segments the fibres of {@code volume} and counts fibre and imaged voxels per atlas region and side.
     *
     * @param volume          the full-resolution signal, sample space (lazy; read chunk by chunk)
     * @param atlas           the atlas the transform maps to (its annotation at ≤ 250 M voxels is held in memory)
     * @param transform       sample → atlas transform of this volume
     * @param transformSource where the transform came from, for messages
     * @param cells           detected cells in sample µm whose balls are excluded as somata in addition to the blobs found
     *                        at the cell scale, or null
     * @param cellDiametersUm per cell diameter, µm, or null for the settings' cell diameter
     * @throws InputException if the transform belongs to another atlas or the settings do not fit the heap
     * @throws CanceledException if {@code progress} asked to stop
     */
    public static FibreCounts measure(Volume<?> volume, Atlas atlas, AtlasTransform transform, Path transformSource, CellPositions cells,
            double[] cellDiametersUm, FibreSettings settings, Progress progress) {
        long start = System.nanoTime();
        transform.requireAtlas(atlas.identity(), transformSource);
        AtlasLabelGrid grid = new AtlasLabelGrid(atlas);
        FibreFilter probe = new FibreFilter(volume, settings);
        long bytes = probe.bytesFor(settings.chunkVoxels());
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > HEAP_FRACTION * heap) {
            throw InputException.parameter("--chunk-voxels", FibreChunk.format(settings.chunkVoxels()) + " needs " + (bytes >> 20)
                    + " MB per thread, more than 60 % of the " + (heap >> 20) + " MB Java heap", "Give smaller chunks, e.g. 64,64,64, or a larger heap (-Xmx)");
        }
        int workers = (int) Math.max(1, Math.min(settings.threads(), (long) (HEAP_FRACTION * heap / bytes)));
        if (workers < settings.threads()) {
            progress.report(0, "Using " + workers + " of " + settings.threads() + " threads: each needs " + (bytes >> 20) + " MB");
        }
        CellBalls balls = cells == null ? null : new CellBalls(cells, cellDiametersUm, settings.cellDiameterUm() / 2 * CELL_BALL_RADII, volume.voxelSizeUm());
        FibreChunk[] chunks = new FibreChunk[workers];
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "neuroatlas-axons");
            t.setDaemon(true);
            return t;
        });
        try {
            // thresholds from a fixed sample of the volume, never from the chunks: the same for every chunking
            List<long[]> blocks = ThresholdSample.blocks(volume.dimensions());
            float[][] ridge = new float[blocks.size()][];
            float[][] soma = new float[blocks.size()][];
            float[][] diff = new float[blocks.size()][];
            Progress ps = progress.slice(0, 0.05);
            AtomicInteger sampled = new AtomicInteger();
            run(pool, workers, blocks.size(), w -> chunks[w] == null ? (chunks[w] = new FibreChunk(volume, grid, transform, settings, balls)) : chunks[w],
                    (c, b) -> {
                        long[] blk = blocks.get(b);
                        float[][] v = c.sample(new long[] {blk[0], blk[1], blk[2]}, new int[] {(int) blk[3], (int) blk[4], (int) blk[5]});
                        ridge[b] = v[0];
                        soma[b] = v[1];
                        diff[b] = v[2];
                        ps.report(sampled.incrementAndGet() / (double) blocks.size(), "Estimating the thresholds");
                    }, progress);
            Robust r = Robust.of(concat(ridge));
            Robust s = Robust.of(concat(soma));
            // The voxel noise, not the spread of R: where fibres are dense (several % of the volume) they widen R's whole
            // distribution and would raise a threshold taken from it; neighbour differences see only the noise.
            double noise = 1.4826 * Robust.of(concat(diff)).mad();
            double threshold = settings.threshold().auto() ? settings.threshold().value() * noise : settings.threshold().value();
            // Given cells add their balls to the blob rule rather than replace it: a ball misses the blurred ends of
            // elongated somata (measured on a fibre-free simulated VTA: balls alone left 14 × more false fibre than the rule).
            double somaThreshold = somaThreshold(s);
            // inside somata the tissue is not observed: a stricter level than the soma rule's, which a fibre's own blob
            // response does not reach (see FibreChunk.SOMA_HIDDEN)
            double hiddenThreshold = s.median() + FibreChunk.SOMA_HIDDEN * (somaThreshold - s.median());
            int[] grid3 = new int[3];
            int[] chunk = settings.chunkVoxels();
            long[] dims = volume.dimensions();
            for (int d = 0; d < 3; d++) {
                chunk[d] = (int) Math.min(chunk[d], dims[d]);
                grid3[d] = (int) ((dims[d] + chunk[d] - 1) / chunk[d]);
            }
            int n = grid3[0] * grid3[1] * grid3[2];
            Progress pc = progress.slice(0.05, 1);
            AtomicInteger done = new AtomicInteger();
            float t = (float) threshold;
            float ts = (float) somaThreshold;
            float th = (float) hiddenThreshold;
            run(pool, workers, n, w -> chunks[w] == null ? (chunks[w] = new FibreChunk(volume, grid, transform, settings, balls)) : chunks[w],
                    (c, i) -> {
                        long[] min = new long[3];
                        int[] size = new int[3];
                        int[] g = {i % grid3[0], i / grid3[0] % grid3[1], i / (grid3[0] * grid3[1])};
                        for (int d = 0; d < 3; d++) {
                            min[d] = (long) g[d] * chunk[d];
                            size[d] = (int) Math.min(chunk[d], dims[d] - min[d]);
                        }
                        c.count(min, size, t, ts, th);
                        pc.report(done.incrementAndGet() / (double) n, "Segmenting fibres: chunk " + done.get() + " of " + n);
                    }, progress);
            long[][] imaged = new long[2][grid.labelCount()];
            long[][] fibre = new long[2][grid.labelCount()];
            long[][] hidden = new long[2][grid.labelCount()];
            long outside = 0;
            for (FibreChunk c : chunks) {
                if (c != null) {
                    c.addTo(imaged, fibre, hidden);
                    outside += c.fibreOutside;
                }
            }
            int[] ids = new int[grid.labelCount()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = grid.labelId(i);
            }
            progress.report(1, "Counted fibres");
            return new FibreCounts(ids, imaged, fibre, hidden, outside, volume.voxelSizeUm().voxelVolumeMm3(), threshold, noise, r.median(), r.mad(),
                    somaThreshold, hiddenThreshold,
                    volume.numVoxels(), (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] concat(float[][] parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int k = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    interface Task {
        void run(FibreChunk worker, int item);
    }

    /** Items 0 … n−1 on {@code threads} workers, each with its own buffers. */
    private static void run(ExecutorService pool, int threads, int n, java.util.function.IntFunction<FibreChunk> workers, Task task, Progress progress) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, n); t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                FibreChunk w = workers.apply(worker);
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    progress.checkCanceled();
                    task.run(w, i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }

    /** The soma rule's level: median + {@value #SOMA_K} × 1.4826 × MAD of the cell-scale response's sample {@code s}. */
    static double somaThreshold(Robust s) {
        return s.median() + SOMA_K * 1.4826 * s.mad();
    }

    /** Median and MAD of a sample (sorted copy; the sample is at most about a million values). */
    record Robust(double median, double mad) {
        static Robust of(float[] v) {
            if (v.length == 0) {
                return new Robust(0, 0);
            }
            float[] a = v.clone();
            java.util.Arrays.sort(a);
            double m = median(a);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) Math.abs(a[i] - m);
            }
            java.util.Arrays.sort(a);
            return new Robust(m, median(a));
        }

        private static double median(float[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : 0.5 * ((double) sorted[n / 2 - 1] + sorted[n / 2]);
        }
    }
}

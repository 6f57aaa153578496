package org.neuroatlas.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;

/**
 * Detects cell bodies in a volume, chunk by chunk on several threads, reading boxes of voxels (chunk + halo) from
 * the possibly lazy volume; memory is bounded by the chunk size × threads. The method and its parameters are
 * described in the {@linkplain org.neuroatlas.core.detect package documentation}. The result does not depend on the
 * chunk size or the number of threads, bit for bit.
 */
public final class CellDetector {

    /** Sample blocks for the automatic threshold: at most 4 × 4 × 4 blocks of this size. */
    /** Workers' buffers may take at most this fraction of the maximum heap; fewer threads run otherwise. */
    static final double HEAP_FRACTION = 0.6;
    /** A cell's segment reaches at most this many cell diameters from its seed. */
    static final double SEGMENT_RADIUS_DIAMETERS = 1.0;
    /** DoG scales: σ_in = r/√3 / √1.6 (the LoG's best scale for a ball of radius r, split around it), σ_out = 1.6 σ_in. */
    static final double DOG_RATIO = 1.6;
    /**
     * Maxima closer than this many cell diameters are one cell unless a valley separates them: an elongated or
     * unevenly bright soma has several maxima, two touching somata a dip between them.
     */
    static final double MERGE_DIAMETERS = 0.75;
    /** A valley is a point on the line between two maxima below this fraction of the lower maximum. */
    static final double VALLEY_FRACTION = 0.7;
    /** The background is the input smoothed with σ = this × cell radius. */
    static final double BACKGROUND_SIGMA_RADII = 2.5;
    /** The default chunk shrinks to fit the heap down to this many voxels along its longest side. */
    static final int MIN_DEFAULT_CHUNK = 32;
    /** A cell's modelled enhanced image (the peeling template) reaches this many cell diameters from its seed. */
    static final double PEEL_TEMPLATE_DIAMETERS = 1.0;
    /** A residual maximum closer than this many cell diameters to a first-pass cell is that cell's misfit, not a cell. */
    static final double PEEL_DISTANCE_DIAMETERS = 0.6;
    /**
     * A residual maximum is a cell only where the first-pass cells explain at most 1 − this of E there. Measured on
     * the simulated dense box (F1 inside): 0.85 0.959 (precision 0.956), 0.9 0.961 (0.972), 0.93 0.961 (0.981): lower
     * fractions trade false cells on large somata's flanks for hidden ones one for one; 0.93 keeps precision.
     */
    static final float PEEL_RESIDUAL_FRACTION = 0.93f;

    private CellDetector() {
    }

    /**
     * Finds the cells in {@code volume}.
     *
     * @throws InputException               if the settings do not suit this volume (naming the parameter)
     * @throws org.neuroatlas.core.CanceledException if {@code progress} asked to stop
     * @throws java.io.UncheckedIOException if reading the volume failed
     */
    public static Detection detect(Volume<?> volume, DetectionSettings settings, Progress progress) {
        long start = System.nanoTime();
        Plan plan = new Plan(volume, settings);
        if (plan.workers < settings.threads()) {
            progress.report(0, "Using " + plan.workers + " of " + settings.threads() + " threads: each needs " + (plan.bytesPerWorker >> 20)
                    + " MB and the Java heap is " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
        ExecutorService pool = Executors.newFixedThreadPool(plan.workers, r -> {
            Thread t = new Thread(r, "neuroatlas-detect");
            t.setDaemon(true);
            return t;
        });
        // each worker's buffers (hundreds of MB at the default chunks) serve the threshold sample and then the chunks
        Work[] works = new Work[plan.workers];
        IntFunction<Work> work = t -> works[t] == null ? (works[t] = new Work(plan)) : works[t];
        try {
            NoiseEstimate noise = NoiseEstimate.of(sampleEnhanced(plan, pool, work, progress.slice(0, 0.1)));
            double median = noise.median();
            double mad = noise.mad();
            double threshold;
            if (settings.threshold().auto()) {
                threshold = median + settings.threshold().value() * 1.4826 * mad;
                if (mad == 0) {
                    threshold = Math.nextUp(threshold); // a flat image: nothing stands out
                }
            } else {
                threshold = settings.threshold().value();
            }
            float t = (float) threshold;
            int chunks = plan.chunkCount();
            Progress p = progress.slice(0.1, 1);
            AtomicInteger done = new AtomicInteger();
            List<List<DetectedCell>> perChunk = runAll(pool, plan.workers, chunks, progress, work, (w, c) -> {
                List<DetectedCell> cells = w.chunk(c, t);
                p.report(done.incrementAndGet() / (double) chunks, "Detecting cells: chunk " + done.get() + " of " + chunks);
                return cells;
            });
            List<DetectedCell> all = new ArrayList<>();
            perChunk.forEach(all::addAll);
            all.sort(Comparator.comparingLong(DetectedCell::seedZ).thenComparingLong(DetectedCell::seedY).thenComparingLong(DetectedCell::seedX));
            progress.report(1, "Detected " + all.size() + " cells");
            return new Detection(all, volume.numVoxels(), (System.nanoTime() - start) / 1e9, t, median, mad, plan.chunk, plan.workers);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The enhanced image on a fixed grid of sample blocks, which depends only on the volume's size, never on chunking. */
    private static float[] sampleEnhanced(Plan plan, ExecutorService pool, IntFunction<Work> work, Progress progress) {
        List<long[]> blocks = ThresholdSample.blocks(plan.dims);
        int[] bs = {(int) blocks.get(0)[3], (int) blocks.get(0)[4], (int) blocks.get(0)[5]};
        int per = bs[0] * bs[1] * bs[2];
        float[] out = new float[Math.multiplyExact(per, blocks.size())];
        AtomicInteger done = new AtomicInteger();
        runAll(pool, plan.workers, blocks.size(), progress, work, (w, b) -> {
            w.sample(blocks.get(b), bs, out, b * per);
            progress.report(done.incrementAndGet() / (double) blocks.size(), "Estimating the threshold");
            return null;
        });
        return out;
    }

    private interface Task<W, R> {
        R run(W worker, int item);
    }

    /**
     * Runs items 0 … n−1 on {@code threads} workers, worker t using {@code workers.apply(t)} (its own buffers);
     * results in item order.
     */
    private static <W, R> List<R> runAll(ExecutorService pool, int threads, int n, Progress progress, IntFunction<W> workers,
            Task<W, R> task) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Object[] results = new Object[n];
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, n); t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                W w = workers.apply(worker);
                for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
                    progress.checkCanceled();
                    results[i] = task.run(w, i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new org.neuroatlas.core.CanceledException();
        } catch (ExecutionException e) {
            stop.set(true);
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
        List<R> out = new ArrayList<>(n);
        for (Object o : results) {
            @SuppressWarnings("unchecked")
            R r = (R) o;
            out.add(r);
        }
        return out;
    }

    /**
     * Filter scales and halos in voxels, from the settings in µm and the voxel size. Per axis, rounded up: seg = the
     * segment radius, sep = the merge distance (≥ the separation), peel = the peeling template's radius.
     * <ul>
     * <li>voxels assigned to the chunk's cells lie within seg of the core; each climbs uphill within seg of itself,
     * so climbs stay within 2·seg and read neighbours at 2·seg + 1;</li>
     * <li>whether a climb's end is an accepted maximum needs the candidates within sep of it (and the lines to them),
     * and its suppressor's acceptance needs the candidates within sep of that: candidates up to 2·seg + 2·sep, whose
     * test reads one voxel more;</li>
     * <li>a voxel may go to a peeled seed within seg of it: peeled seeds up to 2·seg, whose acceptance compares the
     * residual maxima within sep and tests each against its neighbours: the residual up to 2·seg + sep + 1, which
     * subtracts the accepted seeds within peel of it: accepted seeds up to 2·seg + sep + 1 + peel, candidates up to
     * 2·seg + 2·sep + 1 + peel;</li>
     * <li>so the enhanced image must be exact up to 2·seg + 2·sep + peel + 2 around the core, and the input that much
     * plus the outer DoG kernel radius, and at least the background kernel radius (evaluated at seeds in the
     * core).</li>
     * </ul>
     * Beyond these halos nothing is read, so every value that decides a core cell is the whole-volume value.
     */
    static final class Plan {
        final Volume<?> volume;
        final DetectionSettings settings;
        final long[] dims;
        final double[] voxelUm;
        final DifferenceOfGaussians dog;
        final LocalBackground background;
        final int[] seg = new int[3];
        final int[] sep = new int[3];
        /** Per axis, the template's radius in voxels. */
        final int[] peel = new int[3];
        final int[] enhancedHalo = new int[3];
        final int[] inputHalo = new int[3];
        final int[] chunk;
        final int[] chunkGrid = new int[3];
        final double segmentRadiusUm;
        final double separationUm;
        /** Maxima closer than this (µm) are merged if no valley separates them; at least the separation. */
        final double mergeUm;
        final double valleyFraction;
        /** Bytes of buffers one worker holds. */
        final long bytesPerWorker;
        /** Threads actually used: the requested ones, fewer if their buffers would not fit in the heap. */
        final int workers;
        /** Offsets (dx, dy, dz) within the merge distance, excluding 0; the flag says closer than the separation. */
        final int[][] separationOffsets;
        /** Offsets (dx, dy, dz) of the peeling template, within its radius in µm, in raster order. */
        final int[][] templateOffsets;
        /** σ (µm) of the Gaussian that models a lone cell's enhanced image around its centre (the peeling template). */
        final double templateSigmaUm;
        /** Per axis, the template's Gaussian at whole-voxel offsets −peel … +peel. */
        final double[][] templateAxis;
        /** Offsets (dx, dy, dz), excluding 0, closer than the peeling distance. */
        final int[][] peelOffsets;

        /**
         * Halves the longest side of {@code chunk} (the last of equal ones) while {@code cost} exceeds {@code allowed}
         * (one worker's bytes, or 1 while there are fewer chunks than threads), down to
         * {@value CellDetector#MIN_DEFAULT_CHUNK} voxels along the longest side.
         */
        static void shrinkToFit(int[] chunk, java.util.function.ToLongFunction<int[]> cost, long allowed) {
            while (cost.applyAsLong(chunk) > allowed && Arrays.stream(chunk).max().getAsInt() > MIN_DEFAULT_CHUNK) {
                int longest = chunk[0] > chunk[1] && chunk[0] > chunk[2] ? 0 : chunk[1] > chunk[2] ? 1 : 2;
                chunk[longest] /= 2;
            }
        }

        /** Chunks of size {@code c} that tile the volume. */
        private long chunks(int[] c) {
            long n = 1;
            for (int d = 0; d < 3; d++) {
                n *= (dims[d] + c[d] - 1) / c[d];
            }
            return n;
        }

        /**
         * Bytes one worker holds for a chunk (chunk + halo, within the volume): input, enhanced, residual, two row
         * images of the filter, flags, raw pixels; {@code Long.MAX_VALUE} above 2³¹ voxels.
         */
        private long workerBytes(int[] c, Volume<?> volume) {
            long voxels = 1;
            for (int d = 0; d < 3; d++) {
                voxels *= Math.min(dims[d], c[d] + 2L * inputHalo[d]);
                if (voxels > Integer.MAX_VALUE) {
                    return Long.MAX_VALUE;
                }
            }
            return voxels * (4 + 4 + 4 + 8 + 1 + volume.pixelType().bytesPerVoxel());
        }

        Plan(Volume<?> volume, DetectionSettings s) {
            this.volume = volume;
            this.settings = s;
            this.dims = volume.dimensions();
            this.voxelUm = new double[] {volume.voxelSizeUm().xUm(), volume.voxelSizeUm().yUm(), volume.voxelSizeUm().zUm()};
            double r = s.cellDiameterUm() / 2;
            double sigmaIn = r / Math.sqrt(3) / Math.sqrt(DOG_RATIO);
            dog = new DifferenceOfGaussians(sigmaIn, sigmaIn * DOG_RATIO, voxelUm);
            background = new LocalBackground(BACKGROUND_SIGMA_RADII * r, voxelUm);
            segmentRadiusUm = SEGMENT_RADIUS_DIAMETERS * s.cellDiameterUm();
            separationUm = s.separationUm();
            mergeUm = Math.max(separationUm, MERGE_DIAMETERS * s.cellDiameterUm());
            valleyFraction = VALLEY_FRACTION;
            for (int d = 0; d < 3; d++) {
                seg[d] = (int) Math.ceil(segmentRadiusUm / voxelUm[d]);
                sep[d] = (int) Math.ceil(mergeUm / voxelUm[d]);
                peel[d] = (int) Math.ceil(PEEL_TEMPLATE_DIAMETERS * s.cellDiameterUm() / voxelUm[d]);
                enhancedHalo[d] = 2 * seg[d] + 2 * sep[d] + peel[d] + 2;
                inputHalo[d] = Math.max(enhancedHalo[d] + dog.radius[d], background.radius[d]);
            }
            long heap = Runtime.getRuntime().maxMemory();
            chunk = s.chunkVoxels();
            // The default chunk is large, for less work in halos; it shrinks to fit a small heap, and to give every thread
            // a chunk of a small volume: the result does not depend on it. A chunk the user chose is kept, and refused
            // below if it does not fit.
            boolean byDefault = Arrays.equals(chunk, DetectionSettings.DEFAULT_CHUNK_VOXELS);
            if (byDefault) {
                shrinkToFit(chunk, c -> workerBytes(c, volume), (long) (HEAP_FRACTION * heap));
            }
            for (int d = 0; d < 3; d++) {
                chunk[d] = (int) Math.min(chunk[d], dims[d]);
            }
            if (byDefault) {
                shrinkToFit(chunk, c -> chunks(c) >= s.threads() ? 0 : 1, 0);
            }
            for (int d = 0; d < 3; d++) {
                chunkGrid[d] = (int) ((dims[d] + chunk[d] - 1) / chunk[d]);
                long box = chunk[d] + 2L * inputHalo[d];
                if (box > 65536) {
                    throw InputException.parameter("--cell-diameter-um", s.cellDiameterUm() + " µm is " + Math.round(s.cellDiameterUm() / voxelUm[d])
                            + " voxels along axis " + "xyz".charAt(d) + ", too large for chunked detection", "Downsample the volume first");
                }
            }
            bytesPerWorker = workerBytes(chunk, volume);
            if (bytesPerWorker == Long.MAX_VALUE) {
                throw InputException.parameter("--chunk-voxels", Arrays.toString(chunk) + " with a halo of " + Arrays.toString(inputHalo)
                        + " voxels is more than 2³¹ voxels", "Give smaller chunks, e.g. 128,128,64");
            }
            if (bytesPerWorker > HEAP_FRACTION * heap) {
                throw InputException.parameter("--chunk-voxels", Arrays.toString(chunk) + " needs " + (bytesPerWorker >> 20) + " MB per thread (chunk + halo of "
                        + Arrays.toString(inputHalo) + " voxels), more than " + Math.round(HEAP_FRACTION * 100) + " % of the " + (heap >> 20)
                        + " MB Java heap", "Give smaller chunks, e.g. 128,128,64, or a larger heap (-Xmx)");
            }
            workers = (int) Math.max(1, Math.min(s.threads(), (long) (HEAP_FRACTION * heap / bytesPerWorker)));
            // the merge distance is at least the separation, so its ball holds every offset closer than the separation
            separationOffsets = ballOffsets(sep, mergeUm, true, false).stream()
                    .map(o -> new int[] {o[0], o[1], o[2], sq(o[0] * voxelUm[0]) + sq(o[1] * voxelUm[1]) + sq(o[2] * voxelUm[2]) < separationUm * separationUm ? 1 : 0})
                    .toArray(int[][]::new);
            double peelUm = PEEL_DISTANCE_DIAMETERS * s.cellDiameterUm();
            // the peeling distance (0.6 d) is below the merge distance (≥ 0.75 d), whose voxel radius is sep
            peelOffsets = ballOffsets(sep, peelUm, false, false).toArray(int[][]::new);
            templateOffsets = ballOffsets(peel, PEEL_TEMPLATE_DIAMETERS * s.cellDiameterUm(), true, true).toArray(int[][]::new);
            // a ball's variance per axis is r²/5; the inner Gaussian adds σ_in²
            templateSigmaUm = Math.sqrt(r * r / 5 + sigmaIn * sigmaIn);
            templateAxis = new double[3][];
            for (int d = 0; d < 3; d++) {
                templateAxis[d] = new double[2 * peel[d] + 1];
                for (int k = -peel[d]; k <= peel[d]; k++) {
                    templateAxis[d][k + peel[d]] = StrictMath.exp(-sq(k * voxelUm[d] / templateSigmaUm) / 2);
                }
            }
        }

        /**
         * Offsets (dx, dy, dz) within radius[] voxels per axis, in raster order, whose physical length is below
         * {@code um} µm (or at most, if {@code inclusive}); 0 only if {@code withCentre}.
         */
        List<int[]> ballOffsets(int[] radius, double um, boolean inclusive, boolean withCentre) {
            List<int[]> out = new ArrayList<>();
            for (int dz = -radius[2]; dz <= radius[2]; dz++) {
                for (int dy = -radius[1]; dy <= radius[1]; dy++) {
                    for (int dx = -radius[0]; dx <= radius[0]; dx++) {
                        double d2 = sq(dx * voxelUm[0]) + sq(dy * voxelUm[1]) + sq(dz * voxelUm[2]);
                        if (((dx | dy | dz) != 0 || withCentre) && (inclusive ? d2 <= um * um : d2 < um * um)) {
                            out.add(new int[] {dx, dy, dz});
                        }
                    }
                }
            }
            return out;
        }

        int chunkCount() {
            return chunkGrid[0] * chunkGrid[1] * chunkGrid[2];
        }
    }

    static double sq(double v) {
        return v * v;
    }

    /** One worker's buffers, reused from chunk to chunk. */
    static final class Work {
        final Plan plan;
        float[] input = new float[0];
        float[] enhanced = new float[0];
        float[] residual = new float[0];
        byte[] flags = new byte[0];
        Object raw;
        final DifferenceOfGaussians.Scratch scratch;

        Work(Plan plan) {
            this.plan = plan;
            int[] maxSide = new int[3];
            for (int d = 0; d < 3; d++) {
                maxSide[d] = (int) Math.max(Math.min(plan.dims[d], plan.chunk[d] + 2L * plan.inputHalo[d]),
                        Math.min(plan.dims[d], ThresholdSample.BLOCK[d] + 2L * plan.dog.radius[d]));
            }
            int maxRadius = Math.max(plan.dog.radius[0], Math.max(plan.dog.radius[1], plan.dog.radius[2]));
            scratch = new DifferenceOfGaussians.Scratch(maxSide[0], maxSide[1], maxSide[1] * maxSide[2], maxRadius);
        }

        private void ensure(int n) {
            if (input.length < n) {
                input = new float[n];
                enhanced = new float[n];
                residual = new float[n];
                flags = new byte[n];
                raw = plan.volume.pixelType().newArray(n);
            }
        }

        /** Reads the box into {@link #input} as floats (NaN as 0, so that maxima are totally ordered). */
        private void read(Gaussian.Box box) {
            int n = box.voxels();
            ensure(n);
            VolumeBlocks.copy(plan.volume.voxels(), plan.volume.pixelType(), box.origin, box.size, raw);
            PixelType type = plan.volume.pixelType();
            switch (type) {
                case UINT8 -> {
                    byte[] a = (byte[]) raw;
                    for (int i = 0; i < n; i++) {
                        input[i] = a[i] & 0xff;
                    }
                }
                case UINT16 -> {
                    short[] a = (short[]) raw;
                    for (int i = 0; i < n; i++) {
                        input[i] = a[i] & 0xffff;
                    }
                }
                case UINT32 -> {
                    int[] a = (int[]) raw;
                    for (int i = 0; i < n; i++) {
                        input[i] = (float) (a[i] & 0xffffffffL);
                    }
                }
                case FLOAT32 -> {
                    float[] a = (float[]) raw;
                    for (int i = 0; i < n; i++) {
                        float v = a[i];
                        input[i] = Float.isNaN(v) ? 0f : v;
                    }
                }
            }
        }

        /** The enhanced image (inner minus outer Gaussian) on the local region [lo, hi) of the box just read. */
        private void enhance(Gaussian.Box box, int[] lo, int[] hi) {
            plan.dog.apply(input, enhanced, box, lo, hi, scratch);
        }

        /** Enhanced values of one sample block into out[at …]. */
        void sample(long[] blockMin, int[] bs, float[] out, int at) {
            long[] min = new long[3];
            int[] size = new int[3];
            int[] lo = new int[3];
            int[] hi = new int[3];
            for (int d = 0; d < 3; d++) {
                int r = plan.dog.radius[d];
                min[d] = Math.max(0, blockMin[d] - r);
                long max = Math.min(plan.dims[d], blockMin[d] + bs[d] + r);
                size[d] = (int) (max - min[d]);
                lo[d] = (int) (blockMin[d] - min[d]);
                hi[d] = lo[d] + bs[d];
            }
            Gaussian.Box box = new Gaussian.Box(min, size, plan.dims);
            read(box);
            enhance(box, lo, hi);
            int k = at;
            for (int z = lo[2]; z < hi[2]; z++) {
                for (int y = lo[1]; y < hi[1]; y++) {
                    int o = (z * size[1] + y) * size[0];
                    System.arraycopy(enhanced, o + lo[0], out, k, bs[0]);
                    k += bs[0];
                }
            }
        }

        /** Detects the cells whose seed lies in chunk {@code c}'s core. */
        List<DetectedCell> chunk(int c, float threshold) {
            int[] g = {c % plan.chunkGrid[0], (c / plan.chunkGrid[0]) % plan.chunkGrid[1], c / (plan.chunkGrid[0] * plan.chunkGrid[1])};
            long[] min = new long[3];
            int[] size = new int[3];
            int[] core0 = new int[3];
            int[] core1 = new int[3];
            for (int d = 0; d < 3; d++) {
                long c0 = (long) g[d] * plan.chunk[d];
                long c1 = Math.min(plan.dims[d], c0 + plan.chunk[d]);
                min[d] = Math.max(0, c0 - plan.inputHalo[d]);
                long max = Math.min(plan.dims[d], c1 + plan.inputHalo[d]);
                size[d] = (int) (max - min[d]);
                core0[d] = (int) (c0 - min[d]);
                core1[d] = (int) (c1 - min[d]);
            }
            Gaussian.Box box = new Gaussian.Box(min, size, plan.dims);
            read(box);
            enhance(box, grow(core0, plan.enhancedHalo, -1, size), grow(core1, plan.enhancedHalo, 1, size));
            return new Segmenter(this, box, core0, core1, threshold).run();
        }

        /** core bound grown by halo × sign, clipped to the box (which is clipped to the volume). */
        static int[] grow(int[] bound, int[] halo, int sign, int[] size) {
            int[] out = new int[3];
            for (int d = 0; d < 3; d++) {
                out[d] = Math.max(0, Math.min(size[d], bound[d] + sign * halo[d]));
            }
            return out;
        }

        static int[] sum(int[] a, int[] b, int fb) {
            return new int[] {a[0] + fb * b[0], a[1] + fb * b[1], a[2] + fb * b[2]};
        }
    }

    /**
     * Maxima, their acceptance, and the segments of the chunk's own cells, in one box whose enhanced image is valid
     * around the core (see {@link Plan}).
     */
    static final class Segmenter {
        static final byte CANDIDATE = 1;
        static final byte ACCEPTED = 2;
        final Work w;
        final Plan plan;
        final Gaussian.Box box;
        final int[] core0;
        final int[] core1;
        final float threshold;
        final float[] e;
        final byte[] flags;
        final int nx;
        final int ny;
        final int nz;
        final int[] neighbours = new int[26 * 3];
        /** The same 26 neighbours as index offsets, in the same order. */
        final int[] neighbourOffsets = new int[26];
        final Map<Integer, Integer> targets = new HashMap<>();

        Segmenter(Work w, Gaussian.Box box, int[] core0, int[] core1, float threshold) {
            this.w = w;
            this.plan = w.plan;
            this.box = box;
            this.core0 = core0;
            this.core1 = core1;
            this.threshold = threshold;
            this.e = w.enhanced;
            this.flags = w.flags;
            this.nx = box.size[0];
            this.ny = box.size[1];
            this.nz = box.size[2];
            int k = 0;
            for (int dz = -1; dz <= 1; dz++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx | dy | dz) != 0) {
                            neighbourOffsets[k / 3] = (dz * ny + dy) * nx + dx;
                            neighbours[k++] = dx;
                            neighbours[k++] = dy;
                            neighbours[k++] = dz;
                        }
                    }
                }
            }
        }

        /** True if voxel a ranks above b: higher enhanced value, ties to the lower raster index (= global z, y, x order). */
        boolean above(int a, int b) {
            return above(e, a, b);
        }

        /** True if voxel a ranks above b in {@code image} (the enhanced image or the residual), ties as above. */
        static boolean above(float[] image, int a, int b) {
            float ea = image[a];
            float eb = image[b];
            return ea > eb || (ea == eb && a < b);
        }

        int index(int x, int y, int z) {
            return (z * ny + y) * nx + x;
        }

        /** The best-ranked of the 26 neighbours inside the box, or -1 if none. */
        int bestNeighbour(int x, int y, int z) {
            return bestNeighbour(e, x, y, z);
        }

        /** The best-ranked of the 26 neighbours inside the box in {@code image}, or -1 if none. */
        int bestNeighbour(float[] image, int x, int y, int z) {
            int i = index(x, y, z);
            if (x > 0 && y > 0 && z > 0 && x < nx - 1 && y < ny - 1 && z < nz - 1) {
                int best = i + neighbourOffsets[0];
                for (int k = 1; k < 26; k++) {
                    int n = i + neighbourOffsets[k];
                    if (above(image, n, best)) {
                        best = n;
                    }
                }
                return best;
            }
            int best = -1;
            for (int k = 0; k < 78; k += 3) {
                int xx = x + neighbours[k];
                int yy = y + neighbours[k + 1];
                int zz = z + neighbours[k + 2];
                if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                    continue; // only at the volume's edge: elsewhere the halo keeps neighbours inside the box
                }
                int n = index(xx, yy, zz);
                if (best < 0 || above(image, n, best)) {
                    best = n;
                }
            }
            return best;
        }

        /**
         * True if voxel (x, y, z) ranks above all its neighbours in the box in {@code image}; stops at the first that
         * outranks it.
         */
        boolean isMaximum(float[] image, int x, int y, int z) {
            int i = index(x, y, z);
            if (x > 0 && y > 0 && z > 0 && x < nx - 1 && y < ny - 1 && z < nz - 1) {
                for (int k = 0; k < 26; k++) {
                    if (above(image, i + neighbourOffsets[k], i)) {
                        return false;
                    }
                }
                return true;
            }
            int b = bestNeighbour(image, x, y, z);
            return b < 0 || above(image, i, b);
        }

        List<DetectedCell> run() {
            int[] two = Work.sum(plan.seg, plan.seg, 1);
            // residual valid up to 2·seg + sep + 1 (peeled seeds within 2·seg, their rivals within sep, the maximum test);
            // it subtracts the first-pass cells within the template radius of that
            int[] rr = Work.sum(Work.sum(two, plan.sep, 1), new int[] {1, 1, 1}, 1);
            int[] ra = Work.sum(rr, plan.peel, 1);
            int[] rc = Work.sum(ra, plan.sep, 1);
            int[] c0 = Work.grow(core0, rc, -1, box.size);
            int[] c1 = Work.grow(core1, rc, 1, box.size);
            // candidates: strict local maxima (in the total order) above the threshold and above zero
            float positive = Math.max(threshold, 0f);
            for (int z = c0[2]; z < c1[2]; z++) {
                for (int y = c0[1]; y < c1[1]; y++) {
                    int row = index(0, y, z);
                    Arrays.fill(flags, row + c0[0], row + c1[0], (byte) 0);
                    for (int x = c0[0]; x < c1[0]; x++) {
                        if (e[row + x] > positive && isMaximum(e, x, y, z)) {
                            flags[row + x] = CANDIDATE;
                        }
                    }
                }
            }
            int[] a0 = Work.grow(core0, ra, -1, box.size);
            int[] a1 = Work.grow(core1, ra, 1, box.size);
            List<Integer> accepted = new ArrayList<>();
            for (int z = a0[2]; z < a1[2]; z++) {
                for (int y = a0[1]; y < a1[1]; y++) {
                    int row = index(0, y, z);
                    for (int x = a0[0]; x < a1[0]; x++) {
                        if (flags[row + x] != 0 && suppressor(x, y, z) < 0) {
                            accepted.add(row + x);
                        }
                    }
                }
            }
            // marked after the scan: acceptance compares candidates, not accepted ones
            for (int i : accepted) {
                flags[i] = ACCEPTED;
            }
            Map<Integer, Integer> peeledNear = peel(accepted, rr, two);
            // a bit per voxel spares the map lookup for the many voxels near no peeled cell
            BitSet nearPeeled = new BitSet();
            peeledNear.keySet().forEach(nearPeeled::set);
            // assign voxels near the core to seeds by climbing the enhanced image
            int[] s0 = Work.grow(core0, plan.seg, -1, box.size);
            int[] s1 = Work.grow(core1, plan.seg, 1, box.size);
            double floor = plan.settings.segmentationFraction() * Math.max(threshold, 0f);
            double frac = plan.settings.segmentationFraction();
            Map<Integer, Acc> cells = new HashMap<>();
            double r2 = plan.segmentRadiusUm * plan.segmentRadiusUm;
            double[] v = plan.voxelUm;
            for (int z = s0[2]; z < s1[2]; z++) {
                for (int y = s0[1]; y < s1[1]; y++) {
                    int row = index(0, y, z);
                    for (int x = s0[0]; x < s1[0]; x++) {
                        int p = row + x;
                        if (e[p] < floor) { // cannot reach the fraction of any seed, which lies above the threshold
                            continue;
                        }
                        int m = climb(x, y, z, r2);
                        if (m < 0 || flags[m] == 0) {
                            continue;
                        }
                        int s = target(m);
                        if (s < 0) {
                            continue;
                        }
                        if (nearPeeled.get(p)) {
                            int q = peeledNear.get(p);
                            if (dist2(q, x, y, z) < dist2(s, x, y, z)) {
                                s = q;
                            }
                        }
                        int sx = s % nx;
                        int sy = (s / nx) % ny;
                        int sz = s / (nx * ny);
                        if (sx < core0[0] || sx >= core1[0] || sy < core0[1] || sy >= core1[1] || sz < core0[2] || sz >= core1[2]) {
                            continue; // another chunk's cell
                        }
                        if (sq((x - sx) * v[0]) + sq((y - sy) * v[1]) + sq((z - sz) * v[2]) > r2 || e[p] < frac * e[s]) {
                            continue;
                        }
                        cells.computeIfAbsent(s, k -> new Acc()).add(x + box.origin[0], y + box.origin[1], z + box.origin[2], e[p], w.input[p]);
                    }
                }
            }
            List<DetectedCell> out = new ArrayList<>();
            DetectionSettings st = plan.settings;
            double voxelUm3 = v[0] * v[1] * v[2];
            for (Map.Entry<Integer, Acc> en : cells.entrySet()) {
                int s = en.getKey();
                Acc a = en.getValue();
                int sx = s % nx;
                int sy = (s / nx) % ny;
                int sz = s / (nx * ny);
                double volUm3 = a.count * voxelUm3;
                if (volUm3 < st.minVolumeUm3() || volUm3 > st.maxVolumeUm3()) {
                    continue;
                }
                double bg = plan.background.at(w.input, box, sx, sy, sz);
                if (a.max - bg < st.minPeakAboveBackground()) {
                    continue;
                }
                out.add(new DetectedCell(sx + box.origin[0], sy + box.origin[1], sz + box.origin[2], a.wx / a.w, a.wy / a.w, a.wz / a.w, a.max,
                        a.sum / a.count, bg, a.count, e[s]));
            }
            return out;
        }

        /** Squared distance (µm²) from voxel index i to (x, y, z). */
        double dist2(int i, int x, int y, int z) {
            double[] v = plan.voxelUm;
            return sq((i % nx - x) * v[0]) + sq((i / nx % ny - y) * v[1]) + sq((i / (nx * ny) - z) * v[2]);
        }

        /**
         * The peeling pass: subtracts each first-pass cell's modelled enhanced image (the template × E at its seed)
         * from E, and accepts maxima of the residual above the threshold (where E is too) that lie at least the
         * peeling distance from every first-pass cell and outrank the other residual maxima within the merge distance:
         * cells hidden on a brighter neighbour's flank, which have no maximum of their own in E. Returns, for each
         * voxel within one segment radius of an accepted peeled seed, the nearest such seed (ties to the lower index).
         *
         * @param accepted first-pass seeds in raster order, complete within {@code rr} + the template radius
         * @param rr       margin around the core where the residual is computed
         * @param keep     margin around the core where peeled seeds are accepted
         */
        Map<Integer, Integer> peel(List<Integer> accepted, int[] rr, int[] keep) {
            float[] res = w.residual;
            int[] q0 = Work.grow(core0, rr, -1, box.size);
            int[] q1 = Work.grow(core1, rr, 1, box.size);
            for (int z = q0[2]; z < q1[2]; z++) {
                for (int y = q0[1]; y < q1[1]; y++) {
                    int row = index(0, y, z);
                    System.arraycopy(e, row + q0[0], res, row + q0[0], q1[0] - q0[0]);
                }
            }
            // in raster order of the seeds: the same subtractions in the same order at a voxel in every chunking
            double[] v = plan.voxelUm;
            double inv2s2 = 1 / (2 * plan.templateSigmaUm * plan.templateSigmaUm);
            int[] pr = plan.peel;
            // the Gaussian is separable: per axis factors for the offsets −peel … +peel
            double[][] factor = {new double[2 * pr[0] + 1], new double[2 * pr[1] + 1], new double[2 * pr[2] + 1]};
            double[] shift = new double[3];
            int[] step = {1, nx, nx * ny};
            int[] at = new int[3];
            for (int a : accepted) {
                int ax = a % nx;
                int ay = a / nx % ny;
                int az = a / (nx * ny);
                // sub-voxel centre by a parabola through the seed and its two neighbours along each axis, and the
                // Gaussian's height that gives E at the seed
                at[0] = ax;
                at[1] = ay;
                at[2] = az;
                double atSeed = 1; // the unit Gaussian's value at the seed voxel
                for (int d = 0; d < 3; d++) {
                    shift[d] = 0;
                    if (at[d] > 0 && at[d] < box.size[d] - 1) {
                        double lo = e[a - step[d]];
                        double hi = e[a + step[d]];
                        double curv = lo - 2 * e[a] + hi;
                        shift[d] = curv < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (lo - hi) / curv)) : 0;
                    }
                    // exp(−c (k − δ)²) = exp(−c k²) · exp(−c δ²) · exp(2 c δ)^k, c = v² / 2σ²: two exponentials per axis
                    double c = v[d] * v[d] * inv2s2;
                    double h = StrictMath.exp(-c * shift[d] * shift[d]);
                    double g = StrictMath.exp(2 * c * shift[d]);
                    double[] f = factor[d];
                    double[] base = plan.templateAxis[d];
                    f[pr[d]] = h;
                    double up = h;
                    double down = h;
                    for (int k = 1; k <= pr[d]; k++) {
                        up *= g;
                        down /= g;
                        f[pr[d] + k] = base[pr[d] + k] * up;
                        f[pr[d] - k] = base[pr[d] - k] * down;
                    }
                    atSeed *= h;
                }
                double amp = e[a] / atSeed;
                for (int[] o : plan.templateOffsets) {
                    int xx = ax + o[0];
                    int yy = ay + o[1];
                    int zz = az + o[2];
                    if (xx >= q0[0] && yy >= q0[1] && zz >= q0[2] && xx < q1[0] && yy < q1[1] && zz < q1[2]) {
                        int i = index(xx, yy, zz);
                        res[i] = (float) (res[i] - amp * factor[0][o[0] + pr[0]] * factor[1][o[1] + pr[1]] * factor[2][o[2] + pr[2]]);
                    }
                }
            }
            float positive = Math.max(threshold, 0f);
            int[] c0 = Work.grow(q0, new int[] {1, 1, 1}, 1, box.size);
            int[] c1 = Work.grow(q1, new int[] {1, 1, 1}, -1, box.size);
            // at the volume's edge the residual is valid to the edge
            for (int d = 0; d < 3; d++) {
                c0[d] = q0[d] == 0 ? 0 : c0[d];
                c1[d] = q1[d] == box.size[d] ? box.size[d] : c1[d];
            }
            // in raster order; the box's edge is the volume's wherever a maximum test reaches it (the residual's margin
            // exceeds the tested region's by one voxel elsewhere)
            Set<Integer> candidates = new LinkedHashSet<>();
            for (int z = c0[2]; z < c1[2]; z++) {
                for (int y = c0[1]; y < c1[1]; y++) {
                    int row = index(0, y, z);
                    for (int x = c0[0]; x < c1[0]; x++) {
                        int i = row + x;
                        if (res[i] > positive && res[i] >= PEEL_RESIDUAL_FRACTION * e[i] && e[i] > positive && flags[i] != ACCEPTED
                                && isMaximum(res, x, y, z) && !nearAccepted(x, y, z)) {
                            candidates.add(i);
                        }
                    }
                }
            }
            Map<Integer, Integer> near = new HashMap<>();
            if (candidates.isEmpty()) {
                return near;
            }
            int[] k0 = Work.grow(core0, keep, -1, box.size);
            int[] k1 = Work.grow(core1, keep, 1, box.size);
            double r2 = plan.segmentRadiusUm * plan.segmentRadiusUm;
            for (int i : candidates) {
                int x = i % nx;
                int y = i / nx % ny;
                int z = i / (nx * ny);
                if (x < k0[0] || y < k0[1] || z < k0[2] || x >= k1[0] || y >= k1[1] || z >= k1[2] || outranked(x, y, z, candidates)) {
                    continue;
                }
                for (int[] o : plan.templateOffsets) {
                    int xx = x + o[0];
                    int yy = y + o[1];
                    int zz = z + o[2];
                    double d2 = sq(o[0] * plan.voxelUm[0]) + sq(o[1] * plan.voxelUm[1]) + sq(o[2] * plan.voxelUm[2]);
                    if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz || d2 > r2) {
                        continue;
                    }
                    int n = index(xx, yy, zz);
                    Integer old = near.get(n);
                    double oldD2 = old == null ? Double.POSITIVE_INFINITY : dist2(old, xx, yy, zz);
                    if (d2 < oldD2 || (d2 == oldD2 && i < old)) { // candidates come in raster order: ties keep the first
                        near.put(n, i);
                    }
                }
            }
            return near;
        }

        /** True if a first-pass cell's seed lies closer than the peeling distance. */
        boolean nearAccepted(int x, int y, int z) {
            for (int[] o : plan.peelOffsets) {
                int n = offsetIndex(x, y, z, o);
                if (n >= 0 && flags[n] == ACCEPTED) {
                    return true;
                }
            }
            return false;
        }

        /** Index of (x, y, z) + (o[0], o[1], o[2]) in the chunk's box, or −1 outside it. */
        int offsetIndex(int x, int y, int z, int[] o) {
            int xx = x + o[0];
            int yy = y + o[1];
            int zz = z + o[2];
            return xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz ? -1 : index(xx, yy, zz);
        }

        /** True if another residual maximum within the merge distance ranks above (x, y, z) in the residual. */
        boolean outranked(int x, int y, int z, Set<Integer> candidates) {
            float[] res = w.residual;
            int i = index(x, y, z);
            for (int[] o : plan.separationOffsets) {
                int n = offsetIndex(x, y, z, o);
                if (n >= 0 && candidates.contains(n) && above(res, n, i)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The best-ranked candidate that outranks candidate (x, y, z) and is either closer than the separation or
         * within the merge distance with no valley between them (the enhanced image along the straight line stays
         * at or above the valley fraction of the lower maximum); -1 if there is none.
         */
        int suppressor(int x, int y, int z) {
            int c = index(x, y, z);
            int best = -1;
            for (int[] o : plan.separationOffsets) {
                int n = offsetIndex(x, y, z, o);
                if (n >= 0 && flags[n] != 0 && above(n, c) && (best < 0 || above(n, best)) && (o[3] == 1 || noValley(x, y, z, o, e[c]))) {
                    best = n;
                }
            }
            return best;
        }

        /** True if the enhanced image on the line from (x, y, z) to (x, y, z) + o stays at or above valley fraction × lower. */
        boolean noValley(int x, int y, int z, int[] o, float lower) {
            int steps = 2 * Math.max(Math.abs(o[0]), Math.max(Math.abs(o[1]), Math.abs(o[2])));
            double limit = plan.valleyFraction * lower;
            for (int i = 1; i < steps; i++) {
                // integer rounding of i/steps × offset: the same points whatever the chunk's origin
                int px = x + Math.floorDiv(2 * i * o[0] + steps, 2 * steps);
                int py = y + Math.floorDiv(2 * i * o[1] + steps, 2 * steps);
                int pz = z + Math.floorDiv(2 * i * o[2] + steps, 2 * steps);
                if (e[index(px, py, pz)] < limit) {
                    return false;
                }
            }
            return true;
        }

        /** The seed a candidate's basin belongs to: itself if accepted, else its suppressor if that is accepted, else -1. */
        int target(int m) {
            Integer t = targets.get(m);
            if (t == null) {
                if (flags[m] == ACCEPTED) {
                    t = m;
                } else {
                    int o = suppressor(m % nx, (m / nx) % ny, m / (nx * ny));
                    t = o >= 0 && flags[o] == ACCEPTED ? o : -1;
                }
                targets.put(m, t);
            }
            return t;
        }

        /**
         * Steepest ascent from (x, y, z) to a local maximum; -1 if the path would leave the ball of squared radius r2
         * (µm²) around the start, which keeps every voxel's fate local.
         */
        int climb(int x, int y, int z, double r2) {
            int q = index(x, y, z);
            int qx = x;
            int qy = y;
            int qz = z;
            double[] v = plan.voxelUm;
            while (true) {
                int b = bestNeighbour(qx, qy, qz);
                if (b < 0 || !above(b, q)) {
                    return q;
                }
                int bx = b % nx;
                int by = (b / nx) % ny;
                int bz = b / (nx * ny);
                if (sq((bx - x) * v[0]) + sq((by - y) * v[1]) + sq((bz - z) * v[2]) > r2) {
                    return -1;
                }
                q = b;
                qx = bx;
                qy = by;
                qz = bz;
            }
        }
    }

    /** Sums over one cell's voxels, added in raster order (the same order in every chunking). */
    static final class Acc {
        long count;
        double w;
        double wx;
        double wy;
        double wz;
        double sum;
        double max = Double.NEGATIVE_INFINITY;

        void add(long x, long y, long z, float weight, float intensity) {
            count++;
            w += weight;
            wx += weight * (double) x;
            wy += weight * (double) y;
            wz += weight * (double) z;
            sum += intensity;
            max = Math.max(max, intensity);
        }
    }

}

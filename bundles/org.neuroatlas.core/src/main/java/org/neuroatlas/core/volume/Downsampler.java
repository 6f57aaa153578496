package org.neuroatlas.core.volume;

import java.util.ArrayDeque;
import java.util.stream.IntStream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.neuroatlas.core.Progress;

/**
 * Downsamples a volume to a target voxel size by area averaging (each output voxel is the overlap-weighted mean
 * of the input voxels it covers), reading every input plane exactly once, in order — so a 100 GB volume streams
 * at disk speed in memory bounded by a few planes. E.g. 2×2×4 µm light-sheet data → 25 µm isotropic for
 * registration. Upsampling along an axis is allowed (values are then repeated, not interpolated).
 */
public final class Downsampler {

    /** Receives output planes in order z = 0, 1, 2, …; {@code plane} is x fastest and may be reused after return. */
    @FunctionalInterface
    public interface PlaneSink {
        void accept(int z, float[] plane);
    }

    private final AreaWeights wx;
    private final AreaWeights wy;
    private final AreaWeights wz;
    private final VoxelSize targetUm;

    /** Plans the downsampling of a volume of {@code dims} voxels (x, y, z) from {@code sourceUm} to {@code targetUm}. */
    public Downsampler(long[] dims, VoxelSize sourceUm, VoxelSize targetUm) {
        this.wx = new AreaWeights(dims[0], sourceUm.xUm(), targetUm.xUm());
        this.wy = new AreaWeights(dims[1], sourceUm.yUm(), targetUm.yUm());
        this.wz = new AreaWeights(dims[2], sourceUm.zUm(), targetUm.zUm());
        this.targetUm = targetUm;
        long planeVoxels = (long) wx.targetSize * wy.targetSize;
        if (planeVoxels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("output plane too large: " + wx.targetSize + "×" + wy.targetSize);
        }
    }

    /** Output size in voxels (x, y, z). */
    public long[] targetDimensions() {
        return new long[] {wx.targetSize, wy.targetSize, wz.targetSize};
    }

    public VoxelSize targetVoxelSizeUm() {
        return targetUm;
    }

    /**
     * Streams {@code source} once, plane by plane, and hands each finished output plane to {@code sink}.
     *
     * @throws org.neuroatlas.core.CanceledException if the progress is canceled
     */
    public void run(Volume<?> source, PlaneSink sink, Progress progress) {
        int nx = wx.targetSize;
        int ny = wy.targetSize;
        int sy = wy.sourceSize;
        // Open output planes: output j receives source planes first[j] .. last; emitted after its last source plane.
        ArrayDeque<float[]> open = new ArrayDeque<>();
        int nextOut = 0;
        float[] xPass = new float[nx * sy];
        float[] plane = new float[nx * ny];
        PixelType type = source.pixelType();
        try (PlaneStream planes = new PlaneStream(source, 2, 1)) {
            for (int z = 0; z < wz.sourceSize; z++) {
                progress.checkCanceled();
                Object in = planes.next();
                addPlane(z, in, type, xPass, plane, open, nextOut);
                // Emit outputs whose last contributing source plane is this one.
                while (!open.isEmpty() && lastSourceOf(wz, nextOut) <= z) {
                    sink.accept(nextOut, open.removeFirst());
                    nextOut++;
                }
                progress.report((z + 1.0) / wz.sourceSize, null);
            }
        }
        while (!open.isEmpty()) {
            sink.accept(nextOut++, open.removeFirst());
        }
    }

    /** Downsamples one source plane in x and y and adds it, weighted, into the open output planes. */
    private void addPlane(int z, Object in, PixelType type, float[] xPass, float[] plane, ArrayDeque<float[]> open, int nextOut) {
        int nx = wx.targetSize;
        int sx = wx.sourceSize;
        // x pass per row, then y pass per column; in parallel, each task writes only its own output row/column.
        IntStream.range(0, wy.sourceSize).parallel().forEach(y -> {
            float[] r = new float[sx];
            int base = y * sx;
            for (int x = 0; x < sx; x++) {
                r[x] = (float) type.get(in, base + x);
            }
            wx.apply(r, 0, 1, xPass, y * nx, 1);
        });
        IntStream.range(0, nx).parallel().forEach(x -> wy.apply(xPass, x, nx, plane, x, nx));
        while (nextOut + open.size() <= wz.lastTargetOf[z]) {
            open.addLast(new float[plane.length]);
        }
        int j = nextOut;
        for (float[] acc : open) {
            double w = weightOf(wz, j, z);
            if (w != 0) {
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += (float) (w * plane[i]);
                }
            }
            j++;
        }
    }

    /** Runs the downsampling into an in-memory float volume (for outputs that fit in memory, e.g. 25 µm brains). */
    public Volume<FloatType> toMemory(Volume<?> source, Progress progress) {
        long[] d = targetDimensions();
        ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(d);
        float[] data = img.update(null).getCurrentStorageArray();
        int planeSize = (int) (d[0] * d[1]);
        run(source, (z, p) -> System.arraycopy(p, 0, data, z * planeSize, planeSize), progress);
        return Volume.of(img, targetUm, PixelType.FLOAT32, source.name(), source.orientation().orElse(null), source.metadata(), null);
    }

    private static double weightOf(AreaWeights w, int target, int source) {
        int k = source - w.first[target];
        return k >= 0 && k < w.weights[target].length ? w.weights[target][k] : 0;
    }

    private static int lastSourceOf(AreaWeights w, int target) {
        return w.first[target] + w.weights[target].length - 1;
    }
}

package org.neuroatlas.core.density.fibre;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;

/**
 * One worker: filters a chunk ({@link FibreFilter}), decides which core voxels are fibre, carries every core voxel
 * to its atlas voxel and adds to this worker's per-label counts.
 */
final class FibreChunk {

    /** The transform is evaluated exactly at every STRIDE-th voxel of a row (global x) and interpolated between. */
    static final int STRIDE = 8;
    /** Anchors are computed in fixed segments of this many (global), so their values never depend on the chunk. */
    static final int SEGMENT = 32;
    /** A soma voxel's cell-scale blob response is at least this × its ridge response (on a fibre it is about 0.27 ×). */
    static final float SOMA_RIDGE = 0.5f;
    /**
     * A voxel hides the tissue (a soma fills it; not observed) where the cell-scale response is at least this × the
     * soma threshold's height above the median and at least {@link #SOMA_RIDGE} × the highest ridge response among
     * the voxel and its 26 neighbours. The soma rule alone also fires on a sheath around fibres (a fibre's own blob
     * response); the doubled level and the neighbours keep that sheath out (0.01–0.07 % of the voxels of fibre-only
     * volumes against 2–12 %), while the interiors and most of the blurred rims of somata stay in.
     */
    static final float SOMA_HIDDEN = 2f;

    private final FibreFilter filter;
    private final AtlasLabelGrid grid;
    private final AtlasTransform transform;
    private final CellBalls balls;
    private final double widthFraction;
    private final double[] voxelUm;
    final long[][] imaged;
    final long[][] fibre;
    final long[][] hidden;
    long fibreOutside;
    private byte[] cellFlags = new byte[0];
    private byte[] hiddenMask = new byte[0];
    private final double[] sx = new double[SEGMENT + 1];
    private final double[] sy = new double[SEGMENT + 1];
    private final double[] sz = new double[SEGMENT + 1];
    private double[] ax = new double[0];
    private double[] ay = new double[0];
    private double[] az = new double[0];

    FibreChunk(Volume<?> volume, AtlasLabelGrid grid, AtlasTransform transform, FibreSettings s, CellBalls balls) {
        this.filter = new FibreFilter(volume, s);
        this.grid = grid;
        this.transform = transform;
        this.balls = balls;
        this.widthFraction = s.widthFraction();
        this.voxelUm = filter.voxelUm;
        imaged = new long[2][grid.labelCount()];
        fibre = new long[2][grid.labelCount()];
        hidden = new long[2][grid.labelCount()];
    }

    static String format(int[] c) {
        return Arrays.stream(c).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Ridge and soma responses and neighbour differences of the input over a sample block's voxels, in raster order. */
    float[][] sample(long[] min, int[] size) {
        filter.run(min, size);
        int n = size[0] * size[1] * size[2];
        float[] r = new float[n];
        float[] s = new float[n];
        float[] dx = new float[n];
        int k = 0;
        int[] p = filter.padded;
        int[] h = filter.halo;
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                int row = ((z + h[2]) * p[1] + y + h[1]) * p[0] + h[0];
                System.arraycopy(filter.ridge, row, r, k, size[0]);
                System.arraycopy(filter.soma, row, s, k, size[0]);
                float[] in = filter.input;
                for (int x = 0; x < size[0]; x++) {
                    dx[k + x] = noiseDifference(in, row + x, p[0]);
                }
                k += size[0];
            }
        }
        return new float[][] {r, s, dx};
    }

    /**
     * Voxel i of the padded input minus the mean of its 4 in-plane neighbours, / √1.25 (rows {@code rowStride} apart):
     * the voxel noise, blind to structure smooth on the voxel scale; a mean of four (not one neighbour) so that integer
     * data give no coarse steps in the MAD.
     */
    static float noiseDifference(float[] in, int i, int rowStride) {
        return (float) ((in[i] - 0.25 * (in[i - 1] + in[i + 1] + in[i - rowStride] + in[i + rowStride])) / Math.sqrt(1.25));
    }

    /** Segments the chunk's core and adds its voxels to the counts. */
    void count(long[] min, int[] size, float threshold, float somaThreshold, float hiddenThreshold) {
        filter.run(min, size);
        if (balls != null) {
            int n = size[0] * size[1] * size[2];
            if (cellFlags.length < n) {
                cellFlags = new byte[n];
            }
            balls.paint(min, size, cellFlags);
        }
        int[] p = filter.padded;
        int[] h = filter.halo;
        float[] ridge = filter.ridge;
        float[] soma = filter.soma;
        int sxStride = 1;
        int syStride = p[0];
        int szStride = p[0] * p[1];
        float f = (float) widthFraction;
        markHidden(size, ridge, soma, hiddenThreshold);
        for (int z = 0; z < size[2]; z++) {
            long gz = min[2] + z;
            for (int y = 0; y < size[1]; y++) {
                long gy = min[1] + y;
                mapRow(gy * voxelUm[1], gz * voxelUm[2], min[0], size[0]);
                int row = ((z + h[2]) * p[1] + y + h[1]) * p[0] + h[0];
                int cellRow = (z * size[1] + y) * size[0];
                long firstAnchor = min[0] / STRIDE;
                for (int x = 0; x < size[0]; x++) {
                    long gx = min[0] + x;
                    int k = (int) (gx / STRIDE - firstAnchor);
                    double t = (gx % STRIDE) / (double) STRIDE;
                    int v = grid.voxelAt(ax[k] + t * (ax[k + 1] - ax[k]), ay[k] + t * (ay[k + 1] - ay[k]), az[k] + t * (az[k + 1] - az[k]));
                    int label = v < 0 ? 0 : grid.label(v);
                    int i = row + x;
                    boolean inBall = balls != null && cellFlags[cellRow + x] != 0;
                    boolean isHidden = inBall || nearHidden(i, sxStride, syStride, szStride);
                    boolean isFibre = !isHidden && isFibreVoxel(ridge, soma, i, sxStride, syStride, szStride, threshold, somaThreshold, f);
                    if (label == 0) {
                        if (isFibre) {
                            fibreOutside++;
                        }
                        continue;
                    }
                    int side = grid.side(v);
                    imaged[side][label]++;
                    if (isHidden) {
                        hidden[side][label]++;
                    } else if (isFibre) {
                        fibre[side][label]++;
                    }
                }
            }
        }
    }

    /**
     * Whether voxel i of the padded box is fibre by the threshold, soma and width rules (cell balls aside): the
     * cell-scale blob response stands out of the noise and dominates the fibre-scale ridge response at a soma (on a
     * fibre it is about a quarter of it, inside a soma the ridge response is only noise).
     */
    static boolean isFibreVoxel(float[] ridge, float[] soma, int i, int sx, int sy, int sz, float threshold, float somaThreshold, float f) {
        return ridge[i] > threshold && !(soma[i] >= somaThreshold && soma[i] >= SOMA_RIDGE * ridge[i])
                && ridge[i] >= f * neighbourMax(ridge, i, sx, sy, sz);
    }

    /**
     * Whether voxel i of the padded box lies inside a soma (tissue not observed): the soma rule with the stricter
     * threshold {@code hiddenThreshold} and against the highest ridge response of the voxel and its 26 neighbours
     * (never a fibre voxel: such a voxel fails the soma rule).
     */
    static boolean isHiddenVoxel(float[] ridge, float[] soma, int i, int sx, int sy, int sz, float hiddenThreshold) {
        return soma[i] >= hiddenThreshold && soma[i] >= SOMA_RIDGE * neighbourMax(ridge, i, sx, sy, sz);
    }

    /**
     * Marks, over the core and one voxel around it, the voxels inside somata ({@link #isHiddenVoxel}), so that
     * {@link #nearHidden} can widen the soma by one voxel: the blurred edge of a soma has ridge-like responses that
     * the soma rule does not always catch (fibre-free simulated SNc read 1/5 of its true fibre level from them).
     */
    private void markHidden(int[] size, float[] ridge, float[] soma, float hiddenThreshold) {
        int[] p = filter.padded;
        int[] h = filter.halo;
        int n = p[0] * p[1] * p[2];
        if (hiddenMask.length < n) {
            hiddenMask = new byte[n];
        }
        int sy = p[0], sz = p[0] * p[1];
        for (int z = h[2] - 1; z < h[2] + size[2] + 1; z++) {
            for (int y = h[1] - 1; y < h[1] + size[1] + 1; y++) {
                int row = (z * p[1] + y) * p[0];
                for (int x = h[0] - 1; x < h[0] + size[0] + 1; x++) {
                    hiddenMask[row + x] = (byte) (isHiddenVoxel(ridge, soma, row + x, 1, sy, sz, hiddenThreshold) ? 1 : 0);
                }
            }
        }
    }

    /** Whether voxel i of the padded box or one of its 26 neighbours is inside a soma (see {@link #markHidden}). */
    private boolean nearHidden(int i, int sx, int sy, int sz) {
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                int r = i + dz * sz + dy * sy;
                if (hiddenMask[r - sx] != 0 || hiddenMask[r] != 0 || hiddenMask[r + sx] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static float neighbourMax(float[] a, int i, int sx, int sy, int sz) {
        float m = Float.NEGATIVE_INFINITY;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                int o = i + dz * sz + dy * sy;
                m = Math.max(m, Math.max(a[o - sx], Math.max(a[o], a[o + sx])));
            }
        }
        return m;
    }

    /** Atlas µm at the anchors (global x multiples of STRIDE) covering [x0, x0 + n] of a row, into ax, ay, az. */
    private void mapRow(double yUm, double zUm, long x0, int n) {
        long a0 = x0 / STRIDE;
        long a1 = (x0 + n - 1) / STRIDE + 1;
        int count = (int) (a1 - a0 + 1);
        if (ax.length < count) {
            ax = new double[count];
            ay = new double[count];
            az = new double[count];
        }
        double step = STRIDE * voxelUm[0];
        for (long s = a0 / SEGMENT; s <= a1 / SEGMENT; s++) {
            long first = s * SEGMENT;
            transform.sampleToAtlasRow(yUm, zUm, first * step, step, SEGMENT + 1, sx, sy, sz);
            for (long a = Math.max(a0, first); a <= Math.min(a1, first + SEGMENT); a++) {
                int at = (int) (a - a0);
                ax[at] = sx[(int) (a - first)];
                ay[at] = sy[(int) (a - first)];
                az[at] = sz[(int) (a - first)];
            }
        }
    }

    void addTo(long[][] imagedOut, long[][] fibreOut, long[][] hiddenOut) {
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < imaged[s].length; i++) {
                imagedOut[s][i] += imaged[s][i];
                fibreOut[s][i] += fibre[s][i];
                hiddenOut[s][i] += hidden[s][i];
            }
        }
    }
}

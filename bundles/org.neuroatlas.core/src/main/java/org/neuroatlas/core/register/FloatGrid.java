package org.neuroatlas.core.register;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.neuroatlas.core.volume.Volume;

/**
 * A small in-memory float image on a regular grid in physical µm, for registration: voxel {@code (i, j, k)} has
 * its centre at {@code origin + (i, j, k) · spacing} µm. The origin is not always zero because a 2× pooled grid's
 * first voxel centre lies between the first two voxels of the finer grid. Values are stored x fastest. Immutable
 * by convention: methods return new grids, and nothing writes to {@link #data} after construction.
 */
final class FloatGrid {

    final int nx;
    final int ny;
    final int nz;
    /** Voxel spacing, µm. */
    final double[] spacingUm;
    /** Position of voxel (0, 0, 0)'s centre, µm. */
    final double[] originUm;
    final float[] data;

    FloatGrid(int nx, int ny, int nz, double[] spacingUm, double[] originUm, float[] data) {
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("grid " + nx + "×" + ny + "×" + nz + " does not hold " + data.length + " values");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.spacingUm = spacingUm.clone();
        this.originUm = originUm.clone();
        this.data = data;
    }

    /** Copies a volume (or a view) into a grid with origin 0 and the volume's voxel size. */
    static FloatGrid of(Volume<?> volume) {
        long[] d = volume.dimensions();
        long n = d[0] * d[1] * d[2];
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("volume too large to hold as one float array: " + Arrays.toString(d));
        }
        float[] data = new float[(int) n];
        copy(volume.voxels(), data);
        return new FloatGrid((int) d[0], (int) d[1], (int) d[2], spacing(volume), new double[3], data);
    }

    private static double[] spacing(Volume<?> volume) {
        return new double[] {volume.voxelSizeUm().xUm(), volume.voxelSizeUm().yUm(), volume.voxelSizeUm().zUm()};
    }

    private static <T extends RealType<T>> void copy(RandomAccessibleInterval<T> voxels, float[] out) {
        Cursor<T> c = Views.flatIterable(voxels).cursor();
        int i = 0;
        while (c.hasNext()) {
            out[i++] = c.next().getRealFloat();
        }
    }

    int size() {
        return data.length;
    }

    int index(int x, int y, int z) {
        return (z * ny + y) * nx + x;
    }

    /** A grid of the same geometry holding {@code values}. */
    FloatGrid withData(float[] values) {
        return new FloatGrid(nx, ny, nz, spacingUm, originUm, values);
    }

    /**
     * Half the resolution: each voxel the mean of a 2×2×2 block (a last odd voxel averages what there is). The new
     * first centre lies half an old voxel further on, so positions in µm stay exact.
     */
    FloatGrid pooled() {
        int mx = (nx + 1) / 2, my = (ny + 1) / 2, mz = (nz + 1) / 2;
        float[] out = new float[mx * my * mz];
        for (int z = 0; z < mz; z++) {
            for (int y = 0; y < my; y++) {
                for (int x = 0; x < mx; x++) {
                    double sum = 0;
                    int count = 0;
                    for (int k = 2 * z; k < Math.min(nz, 2 * z + 2); k++) {
                        for (int j = 2 * y; j < Math.min(ny, 2 * y + 2); j++) {
                            for (int i = 2 * x; i < Math.min(nx, 2 * x + 2); i++) {
                                sum += data[index(i, j, k)];
                                count++;
                            }
                        }
                    }
                    out[(z * my + y) * mx + x] = (float) (sum / count);
                }
            }
        }
        double[] s = new double[3], o = new double[3];
        for (int d = 0; d < 3; d++) {
            s[d] = 2 * spacingUm[d];
            o[d] = originUm[d] + 0.5 * spacingUm[d];
        }
        return new FloatGrid(mx, my, mz, s, o, out);
    }

    /**
     * Smoothed by the kernel [1 2 1]/4 along each axis (edges repeated): widens the capture range of the coarse
     * pyramid levels without moving anything.
     */
    FloatGrid smoothed() {
        return blurred(0.5);
    }

    /**
     * Every second voxel along each axis of this grid smoothed by [¼, ½, ¼] ({@link #smoothed}, against aliasing):
     * twice the spacing, the same origin, so voxel (i, j, k) lies where voxel (2i, 2j, 2k) did.
     */
    FloatGrid decimated() {
        float[] s = smoothed().data;
        int mx = (nx + 1) / 2, my = (ny + 1) / 2, mz = (nz + 1) / 2;
        float[] out = new float[mx * my * mz];
        for (int z = 0, o = 0; z < mz; z++) {
            for (int y = 0; y < my; y++) {
                for (int x = 0; x < mx; x++, o++) {
                    out[o] = s[index(2 * x, 2 * y, 2 * z)];
                }
            }
        }
        return new FloatGrid(mx, my, mz, new double[] {2 * spacingUm[0], 2 * spacingUm[1], 2 * spacingUm[2]}, originUm, out);
    }

    /**
     * Blurred by the kernel [v/2, 1 − v, v/2] along each axis (edges repeated), whose variance is {@code v} voxels²:
     * the smallest symmetric kernel with a given spread, which moves nothing.
     *
     * @param varianceVoxels2 the kernel's variance per axis, voxels² of this grid, 0 … ½; 0 returns this grid
     */
    FloatGrid blurred(double varianceVoxels2) {
        if (!(varianceVoxels2 >= 0 && varianceVoxels2 <= 0.5)) {
            throw new IllegalArgumentException("blur variance must lie in 0 … 0.5 voxels², not " + varianceVoxels2);
        }
        if (varianceVoxels2 == 0) {
            return this;
        }
        float side = (float) (varianceVoxels2 / 2), centre = 1 - 2 * side;
        float[] a = data.clone();
        float[] b = new float[a.length];
        int[] stride = {1, nx, nx * ny};
        for (int d = 0; d < 3; d++) {
            int st = stride[d];
            for (int z = 0, i = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++, i++) {
                        int pos = d == 0 ? x : d == 1 ? y : z, len = d == 0 ? nx : d == 1 ? ny : nz;
                        float prev = a[pos > 0 ? i - st : i];
                        float next = a[pos < len - 1 ? i + st : i];
                        b[i] = side * prev + centre * a[i] + side * next;
                    }
                }
            }
            float[] t = a;
            a = b;
            b = t;
        }
        return withData(a);
    }

    /**
     * Trilinear interpolation at the point (x, y, z) µm, positions beyond the grid clamped to its edge. Writes the
     * value to {@code out[0]} and its gradient (per µm) to {@code out[1..3]}; the gradient is zero along an axis
     * where the point lies beyond the grid.
     */
    void sample(double x, double y, double z, double[] out) {
        double u = (x - originUm[0]) / spacingUm[0];
        double v = (y - originUm[1]) / spacingUm[1];
        double w = (z - originUm[2]) / spacingUm[2];
        boolean inU = u >= 0 && u <= nx - 1, inV = v >= 0 && v <= ny - 1, inW = w >= 0 && w <= nz - 1;
        u = Math.min(Math.max(u, 0), nx - 1);
        v = Math.min(Math.max(v, 0), ny - 1);
        w = Math.min(Math.max(w, 0), nz - 1);
        int i = Math.min((int) u, Math.max(nx - 2, 0));
        int j = Math.min((int) v, Math.max(ny - 2, 0));
        int k = Math.min((int) w, Math.max(nz - 2, 0));
        double fu = u - i, fv = v - j, fw = w - k;
        int i1 = Math.min(i + 1, nx - 1) - i, j1 = (Math.min(j + 1, ny - 1) - j) * nx, k1 = (Math.min(k + 1, nz - 1) - k) * nx * ny;
        int p = index(i, j, k);
        double c000 = data[p], c100 = data[p + i1], c010 = data[p + j1], c110 = data[p + i1 + j1];
        double c001 = data[p + k1], c101 = data[p + i1 + k1], c011 = data[p + j1 + k1], c111 = data[p + i1 + j1 + k1];
        double c00 = c000 + fu * (c100 - c000), c10 = c010 + fu * (c110 - c010);
        double c01 = c001 + fu * (c101 - c001), c11 = c011 + fu * (c111 - c011);
        double c0 = c00 + fv * (c10 - c00), c1 = c01 + fv * (c11 - c01);
        out[0] = c0 + fw * (c1 - c0);
        if (out.length > 1) {
            double du = ((1 - fv) * (1 - fw) * (c100 - c000) + fv * (1 - fw) * (c110 - c010) + (1 - fv) * fw * (c101 - c001)
                    + fv * fw * (c111 - c011));
            out[1] = inU ? du / spacingUm[0] : 0;
            out[2] = inV ? ((1 - fw) * (c10 - c00) + fw * (c11 - c01)) / spacingUm[1] : 0;
            out[3] = inW ? (c1 - c0) / spacingUm[2] : 0;
        }
    }
}

package org.neuroatlas.core.register;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * A sample image resampled onto the atlas template's grid: each template voxel centre (atlas µm = index × template
 * voxel size) is carried to sample µm by {@link AtlasTransform#atlasToSample} and the sample image interpolated
 * trilinearly there; 0 where the point falls outside the sample image. Works for any transform, affine or
 * deformable. The resampled volume is computed plane by plane when read, so writing it holds one plane at a time.
 */
final class WarpedToAtlas {

    private final FloatGrid sample;
    private final AtlasTransform transform;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacingUm;

    /**
     * @param sample   the sample image in sample µm (normally the prepared, downsampled copy)
     * @param transform atlas µm → sample µm
     * @param atlasGrid the grid to resample onto (its origin must be 0, as for atlas space); only its geometry is used
     */
    WarpedToAtlas(FloatGrid sample, AtlasTransform transform, FloatGrid atlasGrid) {
        this.sample = sample;
        this.transform = transform;
        this.nx = atlasGrid.nx;
        this.ny = atlasGrid.ny;
        this.nz = atlasGrid.nz;
        this.spacingUm = atlasGrid.spacingUm.clone();
    }

    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    int nz() {
        return nz;
    }

    /** The resampled value at atlas voxel (x, y, z). */
    float value(int x, int y, int z) {
        double[] p = {x * spacingUm[0], y * spacingUm[1], z * spacingUm[2]};
        transform.atlasToSample(p, p);
        return sampleAt(p, new double[1]);
    }

    /** Plane {@code z}, x fastest, into {@code out}; rows in parallel. */
    void plane(int z, float[] out) {
        Parallel.forEach(ny, y -> row(y, z, out, y * nx, new double[3], new double[1]));
    }

    /** Row y of plane z into out[offset …]. */
    private void row(int y, int z, float[] out, int offset, double[] p, double[] v) {
        for (int x = 0; x < nx; x++) {
            p[0] = x * spacingUm[0];
            p[1] = y * spacingUm[1];
            p[2] = z * spacingUm[2];
            transform.atlasToSample(p, p);
            out[offset + x] = sampleAt(p, v);
        }
    }

    /** Trilinear value at sample µm {@code p}; 0 more than half a voxel beyond the image's outer voxel centres. */
    private float sampleAt(double[] p, double[] v) {
        int[] n = {sample.nx, sample.ny, sample.nz};
        for (int d = 0; d < 3; d++) {
            double u = (p[d] - sample.originUm[d]) / sample.spacingUm[d];
            // Clamping (FloatGrid.sample) would smear the edge voxels across the atlas box; outside is no tissue.
            if (!(u >= -0.5 && u <= n[d] - 0.5)) {
                return 0;
            }
        }
        sample.sample(p[0], p[1], p[2], v);
        return (float) v[0];
    }

    /**
     * The resampled image as a lazily computed float volume in atlas space (orientation {@link Atlas#ORIENTATION}),
     * one block per plane; reading a plane computes it, nothing is cached beyond the shared block cache's budget.
     */
    Volume<FloatType> volume(String name) {
        RandomAccessibleInterval<FloatType> img = PlaneVolumes.lazy(nx, ny, nz, PixelType.FLOAT32, (plane, z) -> plane(z, (float[]) plane));
        return Volume.of(img, new VoxelSize(spacingUm[0], spacingUm[1], spacingUm[2]), PixelType.FLOAT32, name, Atlas.ORIENTATION,
                java.util.Map.of(), null);
    }

    /**
     * Pearson correlation (normalised cross-correlation) of the resampled image with {@code template} over the voxels
     * where {@code mask} is set; both on this grid, x fastest. Planes in parallel, sums combined in plane order so
     * that the figure does not depend on the thread count. NaN if either image is constant over the mask.
     */
    double ncc(float[] template, boolean[] mask) {
        double[][] sums = new double[nz][];
        Parallel.forEach(nz, z -> {
            // plane by plane on this thread: the planes already run in parallel
            float[] plane = new float[nx * ny];
            double[] p = new double[3], v = new double[1];
            for (int y = 0; y < ny; y++) {
                row(y, z, plane, y * nx, p, v);
            }
            double[] s = new double[6];
            for (int i = 0, g = z * nx * ny; i < plane.length; i++, g++) {
                if (mask[g]) {
                    double a = plane[i], b = template[g];
                    s[0]++;
                    s[1] += a;
                    s[2] += b;
                    s[3] += a * a;
                    s[4] += b * b;
                    s[5] += a * b;
                }
            }
            sums[z] = s;
        });
        double[] t = new double[6];
        for (double[] s : sums) {
            for (int k = 0; k < 6; k++) {
                t[k] += s[k];
            }
        }
        double n = t[0];
        double cov = t[5] - t[1] * t[2] / n, va = t[3] - t[1] * t[1] / n, vb = t[4] - t[2] * t[2] / n;
        return cov / Math.sqrt(va * vb);
    }

}

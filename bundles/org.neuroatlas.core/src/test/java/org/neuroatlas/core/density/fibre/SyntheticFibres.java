package org.neuroatlas.core.density.fibre;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.simulate.CameraNoise;
import org.neuroatlas.core.simulate.FibreField;
import org.neuroatlas.core.simulate.Soma;
import org.neuroatlas.core.simulate.SomaRenderer;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * A small uint16 volume at 2 µm with straight fibres (Gaussian cross-section, σ 1 µm, amplitude 200), bright somata
 * (balls of radius 7 µm, amplitude 600, soft edge) and Gaussian noise (σ 5) on a background of 100, placed by a
 * translation in the demo atlas's midbrain.
 */
final class SyntheticFibres {

    static final VoxelSize VOXEL = new VoxelSize(2, 2, 2);
    static final int NX = 96;
    static final int NY = 80;
    static final int NZ = 48;
    /** Atlas µm of the sample's first voxel. */
    static final double[] ORIGIN_UM = {8200, 5000, 6300};

    private SyntheticFibres() {
    }

    static Volume<UnsignedShortType> volume(long seed, boolean fibres, boolean somata) {
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(NX, NY, NZ);
        short[] a = img.update(null).getCurrentStorageArray();
        Random r = new Random(seed);
        // fibres: point p, unit direction u (µm)
        double[][] lines = new double[8][];
        for (int k = 0; k < lines.length; k++) {
            double ux = r.nextGaussian(), uy = r.nextGaussian(), uz = r.nextGaussian();
            double n = Math.sqrt(ux * ux + uy * uy + uz * uz);
            lines[k] = new double[] {r.nextDouble() * NX * 2, r.nextDouble() * NY * 2, r.nextDouble() * NZ * 2, ux / n, uy / n, uz / n};
        }
        double[][] balls = {{50, 60, 40}, {140, 110, 60}, {100, 30, 70}};
        int i = 0;
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    double px = 2 * x, py = 2 * y, pz = 2 * z;
                    double v = 100 + 5 * r.nextGaussian();
                    if (fibres) {
                        for (double[] l : lines) {
                            double dx = px - l[0], dy = py - l[1], dz = pz - l[2];
                            double t = dx * l[3] + dy * l[4] + dz * l[5];
                            double d2 = dx * dx + dy * dy + dz * dz - t * t;
                            v += 200 * Math.exp(-d2 / 2);
                        }
                    }
                    if (somata) {
                        for (double[] b : balls) {
                            double d = Math.sqrt((px - b[0]) * (px - b[0]) + (py - b[1]) * (py - b[1]) + (pz - b[2]) * (pz - b[2]));
                            v += 600 / (1 + Math.exp((d - 7) / 1.0));
                        }
                    }
                    a[i++] = (short) Math.max(0, Math.min(65535, Math.round(v)));
                }
            }
        }
        return Volume.of(img, VOXEL, PixelType.UINT16, "synthetic-fibres");
    }

    /** A rendered volume and the fibre volume fraction rendered in it (mean coverage). */
    record Rendered(Volume<UnsignedShortType> volume, double[] coverage, double truth) {
    }

    /**
     * The simulator's fibres as it renders them (2 µm tubes with 40 µm wiggles, {@link FibreField}, thinned by an 80 µm
     * selector, expected value 55 + 300 × coverage, its camera: Poisson, read noise 3, offset 100), at a constant target
     * fraction, nx × ny × nz voxels of 2 µm; the truth is the mean coverage.
     */
    static Rendered simulatorFibres(long seed, double target, int nx, int ny, int nz) {
        return simulatorFibres(seed, target, 0, 0, nx, ny, nz);
    }

    /**
     * As {@link #simulatorFibres(long, double, int, int, int)} with somata at {@code cellsPerMm3} drawn as the simulator
     * draws them (mean radius lognormal around 7.5 µm, semi-axes 0.8–1.25 × that within 5–12.5 µm, random orientation,
     * brightness lognormal around 400, not closer than 0.8 × the sum of mean radii where 30 tries allow; its soma
     * renderer: point spread σ 1 µm lateral, 2.5 µm axial) in the part x &lt; {@code cellShare} × the width, added to
     * the fibres' light. The fibres run independently of the somata, as in the simulator, and the truth is the mean
     * coverage over all voxels, somata included.
     */
    static Rendered simulatorFibres(long seed, double target, double cellsPerMm3, double cellShare, int nx, int ny, int nz) {
        int n = nx * ny * nz;
        float[] light = new float[n];
        if (cellsPerMm3 > 0) {
            Random rnd = new Random(seed);
            SomaRenderer renderer = new SomaRenderer(1.0, 2.5, 0.6);
            int cells = (int) Math.round(cellsPerMm3 * 8e-9 * cellShare * nx * ny * nz);
            List<double[]> placed = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                double r = Math.max(5, Math.min(12.5, 7.5 * Math.exp(0.2 * rnd.nextGaussian())));
                double[] ax = new double[3];
                for (int k = 0; k < 3; k++) {
                    ax[k] = Math.max(5, Math.min(12.5, r * (0.8 + 0.45 * rnd.nextDouble())));
                }
                double mean = Math.cbrt(ax[0] * ax[1] * ax[2]);
                double[] p = null;
                for (int attempt = 0; attempt < 30; attempt++) {
                    p = new double[] {rnd.nextDouble() * 2 * nx * cellShare, rnd.nextDouble() * 2 * ny, rnd.nextDouble() * 2 * nz, mean};
                    boolean free = true;
                    for (double[] q : placed) {
                        double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                        free &= Math.sqrt(dx * dx + dy * dy + dz * dz) >= 0.8 * (mean + q[3]);
                    }
                    if (free) {
                        break;
                    }
                }
                placed.add(p);
                Soma s = new Soma(p[0], p[1], p[2], ax[0], ax[1], ax[2], rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(),
                        400 * Math.exp(0.42 * rnd.nextGaussian()));
                double m = s.boundingRadiusUm() + renderer.marginUm();
                for (int z = (int) Math.max(0, (s.zUm() - m) / 2); z <= Math.min(nz - 1, (s.zUm() + m) / 2); z++) {
                    for (int y = (int) Math.max(0, (s.yUm() - m) / 2); y <= Math.min(ny - 1, (s.yUm() + m) / 2); y++) {
                        for (int x = (int) Math.max(0, (s.xUm() - m) / 2); x <= Math.min(nx - 1, (s.xUm() + m) / 2); x++) {
                            light[(z * ny + y) * nx + x] += (float) renderer.value(s, 2 * x, 2 * y, 2 * z);
                        }
                    }
                }
            }
        }
        FibreField field = new FibreField(seed * 7919 + 17, 2, 40, 80, 0.05);
        CameraNoise camera = new CameraNoise(seed, 1, 3, 100);
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(nx, ny, nz);
        short[] a = img.update(null).getCurrentStorageArray();
        double[] coverage = new double[nx * ny * nz];
        double sum = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = (z * ny + y) * nx + x;
                    coverage[i] = field.coverage(2 * x, 2 * y, 2 * z, VOXEL, target);
                    sum += coverage[i];
                    a[i] = (short) camera.sample(55 + 300 * coverage[i] + light[i], z, (long) y * nx + x);
                }
            }
        }
        return new Rendered(Volume.of(img, VOXEL, PixelType.UINT16, "simulated-fibres"), coverage, sum / coverage.length);
    }

    /** Sample µm = atlas µm − ORIGIN_UM. */
    static AtlasTransform transform(Atlas atlas) {
        return transform(atlas, new long[] {NX, NY, NZ});
    }

    /** The same for a volume of the given dimensions. */
    static AtlasTransform transform(Atlas atlas, long[] dims) {
        return AtlasTransform.affine(AffineMap.translation(-ORIGIN_UM[0], -ORIGIN_UM[1], -ORIGIN_UM[2]), atlas.identity().key(),
                new SampleGeometry(dims, VOXEL, null));
    }
}

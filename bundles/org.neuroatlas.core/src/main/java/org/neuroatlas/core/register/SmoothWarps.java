package org.neuroatlas.core.register;

import java.util.Random;

import org.neuroatlas.core.volume.VoxelSize;

/**
 * Random smooth, fold-free warps and random poses, reproducible from a seed: the "true" deformations of the cohort
 * simulator's synthetic brains, and test data.
 * <p>
 * Reproducible means the same numbers on every machine and JVM: {@link Random} is specified bit-exactly and the
 * transcendental functions used are {@link StrictMath}'s.
 */
public final class SmoothWarps {

    /** Gaussian bumps summed into a warp: enough for an irregular shape, few enough to stay smooth. */
    private static final int BUMPS = 24;
    /** Warps are shrunk until their Jacobian determinant is at least this everywhere on the grid. */
    public static final double MIN_JACOBIAN = 0.5;
    /** Factor by which a warp is shrunk per attempt when it compresses tissue too much. */
    private static final double SHRINK = 0.8;
    /** Mixed into the seed of {@link #randomPose}, so that a pose and a warp from the same seed are unrelated. */
    private static final long POSE_SALT = 0x5A17C0DE5EEDL;

    private SmoothWarps() {
    }

    /**
     * A random smooth displacement field on a grid covering the atlas box
     * ({@link DisplacementField#covering}): the sum of {@value #BUMPS} Gaussian bumps, each with a random centre
     * in the atlas box, a random direction and a width (standard deviation) of {@code correlationLengthUm}, scaled
     * so that the largest displacement on the grid is {@code maxDisplacementUm}. If the result would compress any
     * node to less than half its volume (Jacobian determinant &lt; {@value #MIN_JACOBIAN}) it is shrunk by 0.8
     * until it does not, so the largest displacement can come out smaller than asked; it never folds.
     *
     * @param atlasDims           atlas size in voxels (x = AP, y = DV, z = LR)
     * @param atlasVoxel          atlas voxel size, µm
     * @param gridSpacingUm       node spacing of the field, µm
     * @param maxDisplacementUm   largest displacement, µm
     * @param correlationLengthUm width of the bumps, µm: larger gives smoother, more global deformations
     */
    public static DisplacementField random(long seed, long[] atlasDims, VoxelSize atlasVoxel, double gridSpacingUm,
            double maxDisplacementUm, double correlationLengthUm) {
        if (!(maxDisplacementUm >= 0) || !(correlationLengthUm > 0) || !(gridSpacingUm > 0)) {
            throw new IllegalArgumentException("need max displacement ≥ 0, correlation length > 0 and grid spacing > 0");
        }
        DisplacementField grid = DisplacementField.covering(atlasDims, atlasVoxel, gridSpacingUm);
        Random rnd = new Random(mix(seed));
        int[] n = grid.dimensions();
        double[] box = new double[3];
        for (int d = 0; d < 3; d++) {
            box[d] = (atlasDims[d] - 1) * atlasVoxel.um(d);
        }
        // The Gaussian is separable: per bump, one table of exp(−(x−c)²/2σ²) per axis, multiplied at each node.
        double[][][] profile = new double[BUMPS][3][];
        double[][] amplitude = new double[BUMPS][3];
        for (int k = 0; k < BUMPS; k++) {
            for (int d = 0; d < 3; d++) {
                double centre = rnd.nextDouble() * box[d];
                profile[k][d] = new double[n[d]];
                for (int i = 0; i < n[d]; i++) {
                    double t = (i * gridSpacingUm - centre) / correlationLengthUm;
                    profile[k][d][i] = StrictMath.exp(-0.5 * t * t);
                }
            }
            double[] dir = randomDirection(rnd);
            double size = 0.5 + 0.5 * rnd.nextDouble();
            for (int d = 0; d < 3; d++) {
                amplitude[k][d] = dir[d] * size;
            }
        }
        float[] vectors = new float[Math.toIntExact(3 * grid.nodeCount())];
        Parallel.forEach(n[2], l -> {
            int at = 3 * n[0] * n[1] * l;
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++, at += 3) {
                    double u0 = 0, u1 = 0, u2 = 0; // summed in bump order: the same result on any number of threads
                    for (int k = 0; k < BUMPS; k++) {
                        double g = profile[k][0][i] * profile[k][1][j] * profile[k][2][l];
                        u0 += amplitude[k][0] * g;
                        u1 += amplitude[k][1] * g;
                        u2 += amplitude[k][2] * g;
                    }
                    vectors[at] = (float) u0;
                    vectors[at + 1] = (float) u1;
                    vectors[at + 2] = (float) u2;
                }
            }
        });
        DisplacementField raw = DisplacementField.wrap(grid.originUm(), grid.spacingUm(), n, vectors);
        double max = raw.maxDisplacementUm();
        if (max == 0 || maxDisplacementUm == 0) {
            return grid;
        }
        double scale = maxDisplacementUm / max;
        for (int attempt = 0; ; attempt++) {
            DisplacementField u = raw.scaled(scale);
            // 100 shrinks leave 2·10⁻¹⁰ of the warp: a guard against a NaN loop, never reached by real input.
            if (u.jacobian().minDeterminant() >= MIN_JACOBIAN || attempt > 100) {
                return u;
            }
            scale *= SHRINK;
        }
    }

    /**
     * Scrambles a seed (the SplitMix64 finaliser): {@link Random}'s first outputs for neighbouring seeds are
     * strongly correlated (seeds 0, 1, 2 … would all start with the same coin flip), and cohorts use such seeds.
     */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniformly distributed unit vector. */
    private static double[] randomDirection(Random rnd) {
        while (true) {
            double x = 2 * rnd.nextDouble() - 1, y = 2 * rnd.nextDouble() - 1, z = 2 * rnd.nextDouble() - 1;
            double r2 = x * x + y * y + z * z;
            if (r2 > 1e-6 && r2 <= 1) {
                double r = StrictMath.sqrt(r2);
                return new double[] {x / r, y / r, z / r};
            }
        }
    }

    /**
     * A random pose of the brain about the centre of the atlas box, in atlas axes and µm: scaling (with probability
     * ½ isotropic, else per axis; each factor within 1 ± 8 %), then rotation by up to ±10° about each axis (see
     * {@link AffineMap#rotation}), then a translation of up to ±{@code maxTranslationUm} per axis.
     * <p>
     * To place the posed brain into a sample volume with its own axes, follow it with
     * {@link AffineMap#fromAxisMapping} (atlas orientation to the sample's) and a translation into the volume.
     */
    public static AffineMap randomPose(long seed, long[] atlasDims, VoxelSize atlasVoxel, double maxTranslationUm) {
        // A different stream than random() for the same seed: poses and warps must not be correlated.
        Random rnd = new Random(mix(seed ^ POSE_SALT));
        double[] c = new double[3];
        for (int d = 0; d < 3; d++) {
            c[d] = (atlasDims[d] - 1) * atlasVoxel.um(d) / 2;
        }
        double[] s = new double[3];
        boolean isotropic = rnd.nextBoolean();
        for (int d = 0; d < 3; d++) {
            s[d] = isotropic && d > 0 ? s[0] : 1 + 0.08 * (2 * rnd.nextDouble() - 1);
        }
        double ax = 10 * (2 * rnd.nextDouble() - 1), ay = 10 * (2 * rnd.nextDouble() - 1), az = 10 * (2 * rnd.nextDouble() - 1);
        double tx = maxTranslationUm * (2 * rnd.nextDouble() - 1), ty = maxTranslationUm * (2 * rnd.nextDouble() - 1),
                tz = maxTranslationUm * (2 * rnd.nextDouble() - 1);
        return AffineMap.scaling(s[0], s[1], s[2], c).andThen(AffineMap.rotation(ax, ay, az, c)).andThen(AffineMap.translation(tx, ty, tz));
    }
}

package org.neuroatlas.core.density.fibre;

import java.util.Locale;

import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.volume.Volume;

import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Measurement harness (not a test, not shipped): renders the simulator's fibres (FibreField, 2 µm tubes, λ 40 µm,
 * brightness 300 × coverage on a tissue background, its camera noise) at a constant target fraction into a box at
 * 2 µm, segments it with the fibre filter and rules, and splits the mask voxel by voxel against the true coverage.
 * Run: java -cp test-classes:classes:deps org.neuroatlas.core.density.fibre.FibreAccuracyProbe [seed] [fractions...]
 * (options -Df=width fraction, -Dk=threshold K, -Dt=absolute threshold, -Dnb=6 for a 6-neighbour width rule).
 * Per fraction, over the box less a 3-voxel margin: blind = share of voxels where the soma rule would fire (no somata
 * are rendered: these are fibre sheaths), foot/truth and foot25/truth = voxels with coverage &gt; 0 (&gt; 0.25) per unit
 * of covered volume, truth and measured fractions, the segmented count's error and the density-corrected one
 * ({@link FibreVolume}), tp = mask voxels with coverage, fpNear / fpFar = mask voxels without coverage next to a
 * fibre / away from any, coverage inside and outside the mask, voxel noise σ and threshold.
 */
public final class FibreAccuracyProbe {

    static final int N = 112, NZ = 64;

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        double[] fractions = {0.0005, 0.002, 0.005, 0.01, 0.04};
        if (args.length > 1) {
            fractions = new double[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                fractions[i - 1] = Double.parseDouble(args[i]);
            }
        }
        for (double target : fractions) {
            probe(seed, target);
        }
    }

    static void probe(long seed, double target) {
        SyntheticFibres.Rendered rendered = SyntheticFibres.simulatorFibres(seed, target, N, N, NZ);
        Volume<UnsignedShortType> vol = rendered.volume();
        double[] cov = rendered.coverage();
        int n = N * N * NZ;
        FibreSettings s = FibreSettings.defaults().withThreads(1).withThreshold(Threshold.auto(Double.parseDouble(System.getProperty("k", "" + FibreSettings.DEFAULT_K))))
                .withWidthFraction(Double.parseDouble(System.getProperty("f", "" + FibreSettings.DEFAULT_WIDTH_FRACTION)));
        FibreFilter f = new FibreFilter(vol, s);
        f.run(new long[] {0, 0, 0}, new int[] {N, N, NZ});
        int[] p = f.padded;
        int[] h = f.halo;
        float[] dx = new float[n];
        for (int z = 0, j = 0; z < NZ; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    int k = ((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0];
                    dx[j++] = FibreChunk.noiseDifference(f.input, k, p[0]);
                }
            }
        }
        double noise = 1.4826 * FibreDensity.Robust.of(dx).mad();
        float[] sv = new float[n];
        for (int z = 0, j = 0; z < NZ; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    sv[j++] = f.soma[((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0]];
                }
            }
        }
        FibreDensity.Robust rs = FibreDensity.Robust.of(sv);
        float somaT = (float) FibreDensity.somaThreshold(rs);
        long blind = 0;
        float t = (float) (System.getProperty("t") != null ? Double.parseDouble(System.getProperty("t")) : s.threshold().value() * noise);
        long mask = 0, tp = 0, fpNear = 0, fpFar = 0;
        double covInMask = 0, covMissed = 0;
        int m = 3; // ignore a margin (mirror edges)
        double truthIn = 0;
        long foot = 0, foot25 = 0;
        for (int z = m; z < NZ - m; z++) {
            for (int y = m; y < N - m; y++) {
                for (int x = m; x < N - m; x++) {
                    int i = (z * N + y) * N + x;
                    int k = ((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0];
                    truthIn += cov[i];
                    blind += f.soma[k] >= somaT && f.soma[k] >= FibreChunk.SOMA_RIDGE * f.ridge[k] ? 1 : 0;
                    foot += cov[i] > 0 ? 1 : 0;
                    foot25 += cov[i] > 0.25 ? 1 : 0;
                    boolean fib = NB == 6 ? f.ridge[k] > t && f.ridge[k] >= s.widthFraction() * max6(f.ridge, k, p[0], p[0] * p[1])
                            : FibreChunk.isFibreVoxel(f.ridge, f.soma, k, 1, p[0], p[0] * p[1], t, Float.POSITIVE_INFINITY, (float) s.widthFraction());
                    if (fib) {
                        mask++;
                        covInMask += cov[i];
                        if (cov[i] > 0) {
                            tp++;
                        } else if (near(cov, x, y, z)) {
                            fpNear++;
                        } else {
                            fpFar++;
                        }
                    } else {
                        covMissed += cov[i];
                    }
                }
            }
        }
        long inner = (long) (N - 2 * m) * (N - 2 * m) * (NZ - 2 * m);
        System.out.printf(Locale.ROOT,
                "blind %.4f foot/truth %.3f foot25/truth %.3f seed %d target %.4f: truth %.5f measured %.5f (%+.1f %%) corrected %+.1f %% | tp %d fpNear %d fpFar %d | cov in mask %.0f missed %.0f of %.0f | noise %.2f t %.2f%n",
                blind / (double) inner, foot / truthIn, foot25 / truthIn, seed, target, truthIn / inner, mask / (double) inner, 100 * (mask / truthIn - 1), 100 * (FibreVolume.fraction(mask / (double) inner) * inner / truthIn - 1), tp, fpNear, fpFar, covInMask, covMissed, truthIn, noise, t);
    }

    static final int NB = Integer.getInteger("nb", 26);

    private static float max6(float[] r, int k, int sy, int sz) {
        return Math.max(Math.max(Math.max(r[k - 1], r[k + 1]), Math.max(r[k - sy], r[k + sy])), Math.max(Math.max(r[k - sz], r[k + sz]), r[k]));
    }

    private static boolean near(double[] cov, int x, int y, int z) {
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (cov[((z + dz) * N + y + dy) * N + x + dx] > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

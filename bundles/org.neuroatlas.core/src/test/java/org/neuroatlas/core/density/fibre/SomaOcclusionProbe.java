package org.neuroatlas.core.density.fibre;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.neuroatlas.core.detect.Threshold;
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
 * Measurement harness (not a test, not shipped): the simulator's fibres at a constant target plus somata at a given
 * density (sizes and brightness as the simulator's cell placement, its soma renderer), 2 µm voxels, rendered without
 * and with the somata. Splits the soma rule's voxels into those inside true somata (profile ≥ 0.5), on their rims and
 * elsewhere (fibre sheath), with the true fibre coverage in each; then tries hidden-tissue criteria (the share of
 * voxels hidden, inside somata, and the fraction estimated from the rest against the truth).
 * Run: java -cp test-classes:classes:lib/* org.neuroatlas.core.density.fibre.SomaOcclusionProbe seed target cellsPerMm3
 * (-DsomaT= and -Dt= fix the soma and ridge thresholds, e.g. to a whole crop's: a box of cell-dense tissue alone
 * raises its own soma threshold).
 */
public final class SomaOcclusionProbe {

    static final int N = 112, NZ = 64;

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        double target = Double.parseDouble(args[1]);
        double density = Double.parseDouble(args[2]);
        probe(seed, target, density);
    }

    static void probe(long seed, double target, double density) {
        VoxelSize v = new VoxelSize(2, 2, 2);
        FibreField field = new FibreField(seed * 7919 + 17, 2, 40, 80, 0.05);
        CameraNoise cam = new CameraNoise(seed, 1, 3, 100);
        SomaRenderer sr = new SomaRenderer(1.0, 2.5, 0.6);
        Random rnd = new Random(seed);
        double vol = (2.0 * N) * (2.0 * N) * (2.0 * NZ) * 1e-9;
        int cells = (int) Math.round(density * vol);
        List<Soma> somata = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            double r = Math.max(5, Math.min(12.5, 7.5 * Math.exp(0.2 * rnd.nextGaussian())));
            double[] ax = new double[3];
            for (int k = 0; k < 3; k++) {
                ax[k] = Math.max(5, Math.min(12.5, r * (0.8 + 0.45 * rnd.nextDouble())));
            }
            double b = 400 * Math.exp(0.42 * rnd.nextGaussian());
            double mr = Math.cbrt(ax[0] * ax[1] * ax[2]);
            double[] p = null;
            for (int a = 0; a < 30; a++) {
                p = new double[] {rnd.nextDouble() * 2 * N, rnd.nextDouble() * 2 * N, rnd.nextDouble() * 2 * NZ, mr};
                boolean free = true;
                for (double[] q : pos) {
                    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                    free &= Math.sqrt(dx * dx + dy * dy + dz * dz) >= 0.8 * (mr + q[3]);
                }
                if (free) {
                    break;
                }
            }
            pos.add(p);
            somata.add(new Soma(p[0], p[1], p[2], ax[0], ax[1], ax[2], rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), b));
        }
        int n = N * N * NZ;
        double[] cov = new double[n];
        float[] somaLight = new float[n];
        float[] body = new float[n]; // max of profile (fraction of the soma's brightness)
        for (Soma s : somata) {
            double m = s.boundingRadiusUm() + sr.marginUm();
            for (int z = (int) Math.max(0, (s.zUm() - m) / 2); z <= Math.min(NZ - 1, (s.zUm() + m) / 2); z++) {
                for (int y = (int) Math.max(0, (s.yUm() - m) / 2); y <= Math.min(N - 1, (s.yUm() + m) / 2); y++) {
                    for (int x = (int) Math.max(0, (s.xUm() - m) / 2); x <= Math.min(N - 1, (s.xUm() + m) / 2); x++) {
                        int i = (z * N + y) * N + x;
                        double val = sr.value(s, 2 * x + 1, 2 * y + 1, 2 * z + 1);
                        somaLight[i] += (float) val;
                        body[i] = (float) Math.max(body[i], val / s.brightness());
                    }
                }
            }
        }
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    int i = (z * N + y) * N + x;
                    cov[i] = field.coverage(2 * x, 2 * y, 2 * z, v, target);
                }
            }
        }
        System.out.printf(Locale.ROOT, "seed %d target %.4f cells %d (%.0f/mm3)%n", seed, target, cells, density);
        for (boolean withSomata : new boolean[] {false, true}) {
            ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(N, N, NZ);
            short[] a = img.update(null).getCurrentStorageArray();
            for (int i = 0; i < n; i++) {
                a[i] = (short) cam.sample(55 + 300 * cov[i] + (withSomata ? somaLight[i] : 0), i / (N * N), i % (N * N));
            }
            Volume<UnsignedShortType> volume = Volume.of(img, v, PixelType.UINT16, "probe");
            FibreSettings s = FibreSettings.defaults().withThreads(1).withThreshold(Threshold.auto(FibreSettings.DEFAULT_K));
            FibreFilter f = new FibreFilter(volume, s);
            f.run(new long[] {0, 0, 0}, new int[] {N, N, NZ});
            float[] dxs = new float[n];
            float[] sv = new float[n];
            {
                int[] p = f.padded;
                int[] h = f.halo;
                float[] in = f.input;
                for (int z = 0, j = 0; z < NZ; z++) {
                    for (int y = 0; y < N; y++) {
                        for (int x = 0; x < N; x++, j++) {
                            int k = ((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0];
                            dxs[j] = FibreChunk.noiseDifference(in, k, p[0]);
                            sv[j] = f.soma[k];
                        }
                    }
                }
            }
            double noise = 1.4826 * FibreDensity.Robust.of(dxs).mad();
            FibreDensity.Robust rs = FibreDensity.Robust.of(sv);
            float somaT = System.getProperty("somaT") != null ? Float.parseFloat(System.getProperty("somaT")) : (float) FibreDensity.somaThreshold(rs);
            float t = System.getProperty("t") != null ? Float.parseFloat(System.getProperty("t")) : (float) (s.threshold().value() * noise);
            int[] p = f.padded;
            int[] h = f.halo;
            int m = 3;
            long inner = 0, mask = 0, rule = 0, ruleBody = 0, ruleNear = 0;
            double truth = 0, covRule = 0, covRuleBody = 0, covRuleNear = 0, covBody = 0;
            long bodyVox = 0;
            double[] cs = {1, 2, 3, 4, 6, 8};
            long[] hid = new long[cs.length], hidBody = new long[cs.length];
            long[] hidR = new long[cs.length], hidRBody = new long[cs.length];
            for (int z = m; z < NZ - m; z++) {
                for (int y = m; y < N - m; y++) {
                    for (int x = m; x < N - m; x++) {
                        int i = (z * N + y) * N + x;
                        int k = ((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0];
                        inner++;
                        truth += cov[i];
                        boolean inBody = withSomata && body[i] >= 0.5;
                        boolean near = withSomata && !inBody && body[i] >= 0.01;
                        if (inBody) {
                            bodyVox++;
                            covBody += cov[i];
                        }
                        boolean r = f.soma[k] >= somaT && f.soma[k] >= FibreChunk.SOMA_RIDGE * f.ridge[k];
                        if (r) {
                            rule++;
                            covRule += cov[i];
                            if (inBody) {
                                ruleBody++;
                                covRuleBody += cov[i];
                            } else if (near) {
                                ruleNear++;
                                covRuleNear += cov[i];
                            }
                        }
                        if (FibreChunk.isFibreVoxel(f.ridge, f.soma, k, 1, p[0], p[0] * p[1], t, somaT, (float) s.widthFraction())) {
                            mask++;
                        }
                        float rmax = maxR(f.ridge, k, 2, p[0], p[0] * p[1]);
                        for (int c = 0; c < cs.length; c++) {
                            if (f.soma[k] >= cs[c] * somaT) {
                                hid[c]++;
                                hidBody[c] += inBody ? 1 : 0;
                            }
                            if (r && f.soma[k] >= cs[c] * 0.5 * rmax) {
                                hidR[c]++;
                                hidRBody[c] += inBody ? 1 : 0;
                            }
                        }
                    }
                }
            }
            double tf = truth / inner;
            for (double c : new double[] {1.5, 2, 3}) {
                for (int d = 0; d <= 2; d++) {
                    long hidden = 0, fib = 0, hb = 0;
                    for (int z = m; z < NZ - m; z++) {
                        for (int y = m; y < N - m; y++) {
                            for (int x = m; x < N - m; x++) {
                                int i = (z * N + y) * N + x;
                                int k = ((z + h[2]) * p[1] + y + h[1]) * p[0] + x + h[0];
                                boolean hd = f.soma[k] >= c * somaT && f.soma[k] >= FibreChunk.SOMA_RIDGE * maxR(f.ridge, k, d, p[0], p[0] * p[1]);
                                if (hd) {
                                    hidden++;
                                    hb += withSomata && body[i] >= 0.5 ? 1 : 0;
                                } else if (FibreChunk.isFibreVoxel(f.ridge, f.soma, k, 1, p[0], p[0] * p[1], t, somaT, (float) s.widthFraction())) {
                                    fib++;
                                }
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "   H = S>=%.1f somaT & S>=0.5 maxR(%d): hidden %.4f (body %.4f) est %+.1f%%%n", c, d, hidden / (double) inner,
                            hb / (double) inner, 100 * (FibreVolume.fraction(fib / (double) (inner - hidden)) / tf - 1));
                }
            }
            System.out.printf(Locale.ROOT, " somata=%b truth %.5f measured %+.1f%% | somaT %.2f t %.2f | rule %.4f (in body %.4f near %.4f) body %.4f | cov in rule %.1f%% of truth (body %.1f%%, near %.1f%%); cov in body %.1f%%%n",
                    withSomata, tf, 100 * (FibreVolume.fraction(mask / (double) inner) / tf - 1), somaT, t, rule / (double) inner, ruleBody / (double) inner,
                    ruleNear / (double) inner, bodyVox / (double) inner, 100 * covRule / truth, 100 * covRuleBody / truth, 100 * covRuleNear / truth, 100 * covBody / truth);
            for (int c = 0; c < cs.length; c++) {
                System.out.printf(Locale.ROOT, "   c=%.0f  S>=c*somaT: hidden %.4f (body %.4f) est %+.1f%% | rule & S>=c*0.5*maxR5: hidden %.4f (body %.4f) est %+.1f%%%n", cs[c],
                        hid[c] / (double) inner, hidBody[c] / (double) inner, 100 * (FibreVolume.fraction(mask / (double) (inner - hid[c])) / tf - 1),
                        hidR[c] / (double) inner, hidRBody[c] / (double) inner, 100 * (FibreVolume.fraction(mask / (double) (inner - hidR[c])) / tf - 1));
            }
        }
    }

    private static float maxR(float[] r, int k, int d, int sy, int sz) {
        float m = Float.NEGATIVE_INFINITY;
        for (int dz = -d; dz <= d; dz++) {
            for (int dy = -d; dy <= d; dy++) {
                for (int dx = -d; dx <= d; dx++) {
                    m = Math.max(m, r[k + dz * sz + dy * sy + dx]);
                }
            }
        }
        return m;
    }
}

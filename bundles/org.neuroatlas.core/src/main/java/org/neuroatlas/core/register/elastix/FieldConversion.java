package org.neuroatlas.core.register.elastix;

import java.util.Arrays;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.DisplacementField;
import org.neuroatlas.core.register.SampleGeometry;

/**
 * Turns transformix's deformation field into our {@link AtlasTransform}.
 * <p>
 * elastix registered with fixed = template (atlas µm) and moving = sample (sample µm), so its transform is
 * {@code T(x_a) = x_a + d(x_a)}, atlas point → sample point, and {@code transformix -def all} writes d at every
 * template voxel centre. Our model is {@code x_s = A·(x_a + u(x_a)) + b} with A, b affine and u a displacement in
 * atlas space. We take A|b as the least-squares affine fit of T over the atlas brain (so u is only what no affine
 * map can follow, small and smooth, which is what our inverse field and Newton refinement are built for) and
 * {@code u(x_a) = A⁻¹(T(x_a) − b) − x_a} on the template's grid. The inverse field and the quality figures then
 * come from {@link AtlasTransform#of}, exactly as for the built-in engine. Nothing depends on how elastix composes
 * its stages internally: the field is the map it uses to resample.
 */
final class FieldConversion {

    private FieldConversion() {
    }

    /**
     * @param d        transformix's field: 3 channels (µm), on the template's grid (origin 0, template spacing)
     * @param fitMask  nodes used for the affine fit (normally the atlas brain), x fastest; null for all nodes
     * @param affineOnly return the affine fit alone (for an affine-only registration, where it is exact)
     */
    static AtlasTransform convert(MetaImage.Grid d, boolean[] fitMask, boolean affineOnly, String atlasKey, SampleGeometry sample,
            Progress progress) {
        if (d.channels() != 3) {
            throw new IllegalArgumentException("a deformation field has 3 components per voxel, not " + d.channels());
        }
        AffineMap fit = fitAffine(d, fitMask);
        if (affineOnly) {
            progress.report(1, null);
            return AtlasTransform.affine(fit, atlasKey, sample);
        }
        AffineMap inverse = fit.inverse();
        int[] n = d.dimensions();
        float[] v = d.values();
        float[] u = new float[v.length];
        double[] xs = new double[3], y = new double[3];
        for (int k = 0, i = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int x = 0; x < n[0]; x++, i++) {
                    double px = d.origin()[0] + x * d.spacing()[0], py = d.origin()[1] + j * d.spacing()[1], pz = d.origin()[2] + k * d.spacing()[2];
                    xs[0] = px + v[3 * i];
                    xs[1] = py + v[3 * i + 1];
                    xs[2] = pz + v[3 * i + 2];
                    inverse.apply(xs, y);
                    u[3 * i] = (float) (y[0] - px);
                    u[3 * i + 1] = (float) (y[1] - py);
                    u[3 * i + 2] = (float) (y[2] - pz);
                }
            }
        }
        DisplacementField field = DisplacementField.of(d.origin(), d.spacing(), n, u);
        return AtlasTransform.of(fit, field, atlasKey, sample, progress);
    }

    /**
     * The affine map {@code x_a → A·x_a + b} closest to T in the least-squares sense over the masked nodes:
     * centred normal equations, {@code A = C_sa · C_aa⁻¹}, {@code b = mean_s − A·mean_a}.
     */
    static AffineMap fitAffine(MetaImage.Grid d, boolean[] mask) {
        int[] n = d.dimensions();
        float[] v = d.values();
        double[] ma = new double[3], ms = new double[3];
        long count = 0;
        double[] a = new double[3];
        // two passes (means, then centred sums): the sample's µm can be 10⁴ away from the atlas's, and centring
        // keeps the sums of squares from cancelling
        for (int pass = 0; pass < 2; pass++) {
            double[][] caa = new double[3][3], csa = new double[3][3];
            for (int k = 0, i = 0; k < n[2]; k++) {
                for (int j = 0; j < n[1]; j++) {
                    for (int x = 0; x < n[0]; x++, i++) {
                        if (mask != null && !mask[i]) {
                            continue;
                        }
                        a[0] = d.origin()[0] + x * d.spacing()[0];
                        a[1] = d.origin()[1] + j * d.spacing()[1];
                        a[2] = d.origin()[2] + k * d.spacing()[2];
                        if (pass == 0) {
                            for (int r = 0; r < 3; r++) {
                                ma[r] += a[r];
                                ms[r] += a[r] + v[3 * i + r];
                            }
                            count++;
                            continue;
                        }
                        for (int r = 0; r < 3; r++) {
                            double sr = a[r] + v[3 * i + r] - ms[r];
                            for (int c = 0; c < 3; c++) {
                                double ac = a[c] - ma[c];
                                caa[r][c] += (a[r] - ma[r]) * ac;
                                csa[r][c] += sr * ac;
                            }
                        }
                    }
                }
            }
            if (pass == 0) {
                if (count < 4) {
                    throw new IllegalArgumentException("too few nodes (" + count + ") to fit an affine map");
                }
                for (int r = 0; r < 3; r++) {
                    ma[r] /= count;
                    ms[r] /= count;
                }
                continue;
            }
            AffineMap caaInverse = AffineMap.of(caa, new double[3]).inverse();
            double[][] m = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    for (int q = 0; q < 3; q++) {
                        m[r][c] += csa[r][q] * caaInverse.get(q, c);
                    }
                }
            }
            double[] b = new double[3];
            for (int r = 0; r < 3; r++) {
                b[r] = ms[r] - m[r][0] * ma[0] - m[r][1] * ma[1] - m[r][2] * ma[2];
            }
            return AffineMap.of(m, b);
        }
        throw new AssertionError(Arrays.toString(n));
    }
}

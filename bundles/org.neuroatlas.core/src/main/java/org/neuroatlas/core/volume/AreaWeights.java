package org.neuroatlas.core.volume;

/**
 * Area-averaging weights along one axis, from {@code n} source voxels of {@code sourceUm} to voxels of
 * {@code targetUm}. Source voxel {@code i} covers [i, i+1)·sourceUm measured from the source's first edge;
 * target voxel {@code j} covers [j, j+1)·targetUm from the same edge. A target value is the overlap-weighted mean
 * of the source voxels it covers (weights renormalised where the last target voxel sticks out of the source).
 * <p>
 * Positions: target index {@code t} and source index {@code s} (voxel centres at integers) relate by
 * {@code (t + 0.5)·targetUm = (s + 0.5)·sourceUm}.
 */
final class AreaWeights {

    final int sourceSize;
    final int targetSize;
    /** For target j: first source index, and the weights of source first[j] .. first[j]+weights[j].length-1. */
    final int[] first;
    final double[][] weights;
    /** Last target index that source voxel i contributes to. */
    final int[] lastTargetOf;

    AreaWeights(long n, double sourceUm, double targetUm) {
        this.sourceSize = Math.toIntExact(n);
        this.targetSize = targetSize(n, sourceUm, targetUm);
        this.first = new int[targetSize];
        this.weights = new double[targetSize][];
        this.lastTargetOf = new int[sourceSize];
        double extent = n * sourceUm;
        for (int j = 0; j < targetSize; j++) {
            double lo = j * targetUm;
            double hi = Math.min((j + 1) * targetUm, extent);
            int i0 = (int) Math.floor(lo / sourceUm);
            int i1 = Math.min(sourceSize - 1, (int) Math.ceil(hi / sourceUm) - 1);
            i0 = Math.min(i0, i1);
            double[] w = new double[i1 - i0 + 1];
            double sum = 0;
            for (int i = i0; i <= i1; i++) {
                double overlap = Math.min(hi, (i + 1) * sourceUm) - Math.max(lo, i * sourceUm);
                w[i - i0] = Math.max(0, overlap);
                sum += w[i - i0];
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = sum > 0 ? w[k] / sum : 1.0 / w.length;
            }
            first[j] = i0;
            weights[j] = w;
            for (int i = i0; i <= i1; i++) {
                lastTargetOf[i] = Math.max(lastTargetOf[i], j);
            }
        }
    }

    /** Target size: the source extent divided by the target voxel size, rounded, at least 1. */
    static int targetSize(long n, double sourceUm, double targetUm) {
        return (int) Math.max(1, Math.round(n * sourceUm / targetUm));
    }

    /** Applies the weights to {@code count} values spaced {@code stride} apart in {@code in}, from {@code offset}. */
    void apply(float[] in, int offset, int stride, float[] out, int outOffset, int outStride) {
        for (int j = 0; j < targetSize; j++) {
            double acc = 0;
            double[] w = weights[j];
            int idx = offset + first[j] * stride;
            for (double wk : w) {
                acc += wk * in[idx];
                idx += stride;
            }
            out[outOffset + j * outStride] = (float) acc;
        }
    }
}

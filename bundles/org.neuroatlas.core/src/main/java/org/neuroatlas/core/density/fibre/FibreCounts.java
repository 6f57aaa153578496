package org.neuroatlas.core.density.fibre;

/**
 * What {@link FibreDensity#measure} counted: per atlas label index and side (0 = left, 1 = right) the sample voxels
 * that map there ({@code imaged}), those of them inside somata ({@code soma}: not observed) and those segmented as
 * fibre ({@code fibre}); exact integers, so the sum over chunks is the same in any order.
 *
 * @param labelIds         structure id per label index (index 0 = outside the brain)
 * @param imaged           [side][label index] voxels of the sample mapping to the label
 * @param fibre            [side][label index] fibre voxels among them
 * @param soma             [side][label index] voxels among them inside somata (the tissue there is not observed; never fibre)
 * @param fibreOutside     fibre voxels mapping outside the brain or beyond the atlas (not counted in any region)
 * @param sampleVoxelMm3   volume of one sample voxel, mm³
 * @param threshold        ridge threshold used (intensity units)
 * @param noiseSigma       voxel noise σ of the input: 1.4826 × MAD of (voxel − mean of its 4 in-plane neighbours) / √1.25 over the threshold sample
 * @param ridgeMedian      median of the ridge response over the threshold sample
 * @param ridgeMad         its median absolute deviation (unscaled)
 * @param somaThreshold    soma (cell-scale difference of Gaussians) threshold used, intensity units
 * @param somaHiddenThreshold the stricter level of the cell-scale response above which a soma voxel hides the tissue
 * @param voxels           voxels processed
 * @param seconds          wall-clock time, s
 */
public record FibreCounts(int[] labelIds, long[][] imaged, long[][] fibre, long[][] soma, long fibreOutside, double sampleVoxelMm3,
        double threshold, double noiseSigma, double ridgeMedian, double ridgeMad, double somaThreshold, double somaHiddenThreshold, long voxels,
        double seconds) {

    /** Throughput, millions of voxels per second. */
    public double megavoxelsPerSecond() {
        return seconds > 0 ? voxels / seconds / 1e6 : Double.NaN;
    }

    /** Voxels inside somata counted in regions (both sides). */
    public long somaVoxelsInBrain() {
        return inBrain(soma);
    }

    /** Fibre voxels counted in regions (both sides). */
    public long fibreVoxelsInBrain() {
        return inBrain(fibre);
    }

    /** Sum over both sides and every label but index 0 (outside the brain). */
    private long inBrain(long[][] perSideAndLabel) {
        long n = 0;
        for (int s = 0; s < 2; s++) {
            for (int i = 1; i < labelIds.length; i++) {
                n += perSideAndLabel[s][i];
            }
        }
        return n;
    }
}

package org.neuroatlas.core.density.fibre;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Settings of fibre segmentation and density ({@link FibreDensity}); lengths in µm, converted to voxels per axis with
 * the volume's voxel size.
 *
 * @param diameterMinUm  thinnest fibre to enhance, µm
 * @param diameterMaxUm  thickest fibre to enhance, µm
 * @param threshold      on the ridge response: automatic (k × the voxel noise σ, estimated as 1.4826 × MAD of
 *                       (voxel − mean of its 4 in-plane neighbours) / √1.25 over a fixed sample of the volume) or absolute (ridge units:
 *                       intensity, σ²-normalised second derivative)
 * @param widthFraction  a fibre voxel's ridge response must be at least this fraction of the highest in its 26
 *                       neighbours (the fibre's width at that fraction of its peak; calibrated, see the package doc)
 * @param cellDiameterUm soma diameter, µm: scale of the soma (blob) exclusion
 * @param threads        chunks processed in parallel; does not change the result
 * @param chunkVoxels    chunk size x, y, z in voxels; does not change the result
 */
public record FibreSettings(double diameterMinUm, double diameterMaxUm, Threshold threshold, double widthFraction, double cellDiameterUm, int threads,
        int[] chunkVoxels) {

    /** Default k of the automatic threshold (multiple of the voxel noise σ). */
    public static final double DEFAULT_K = 1;
    /** Default width fraction: calibrated on simulated 2 µm fibres (see the package documentation). */
    public static final double DEFAULT_WIDTH_FRACTION = 0.59;
    public static final int[] DEFAULT_CHUNK = {128, 128, 64};

    public FibreSettings {
        if (!(diameterMinUm > 0) || !(diameterMaxUm >= diameterMinUm) || Double.isInfinite(diameterMaxUm)) {
            throw InputException.parameter("--fibre-diameter-um", diameterMinUm + "," + diameterMaxUm + " is not a range of diameters",
                    "Give MIN,MAX in µm with 0 < MIN <= MAX, e.g. 1,3");
        }
        if (!(widthFraction > 0 && widthFraction < 1)) {
            throw InputException.parameter("--width-fraction", "must be between 0 and 1, not " + widthFraction, "e.g. " + DEFAULT_WIDTH_FRACTION);
        }
        if (!(cellDiameterUm > 0) || Double.isInfinite(cellDiameterUm)) {
            throw InputException.parameter("--cell-diameter-um", "must be a positive number of µm, not " + cellDiameterUm, "e.g. 15");
        }
        if (threads < 1) {
            throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
        }
        if (chunkVoxels == null || chunkVoxels.length != 3 || Arrays.stream(chunkVoxels).anyMatch(c -> c < 8)) {
            throw InputException.parameter("--chunk-voxels", Arrays.toString(chunkVoxels) + " is not a chunk size", "Give X,Y,Z of at least 8 each, e.g. 128,128,64");
        }
        chunkVoxels = chunkVoxels.clone();
    }

    /** 1–3 µm fibres, automatic threshold, 15 µm somata, all cores, default chunks. */
    public static FibreSettings defaults() {
        return new FibreSettings(1, 3, Threshold.auto(DEFAULT_K), DEFAULT_WIDTH_FRACTION, 15, Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK);
    }

    public FibreSettings withThreads(int n) {
        return new FibreSettings(diameterMinUm, diameterMaxUm, threshold, widthFraction, cellDiameterUm, n, chunkVoxels);
    }

    public FibreSettings withChunkVoxels(int[] c) {
        return new FibreSettings(diameterMinUm, diameterMaxUm, threshold, widthFraction, cellDiameterUm, threads, c);
    }

    public FibreSettings withThreshold(Threshold t) {
        return new FibreSettings(diameterMinUm, diameterMaxUm, t, widthFraction, cellDiameterUm, threads, chunkVoxels);
    }

    public FibreSettings withWidthFraction(double f) {
        return new FibreSettings(diameterMinUm, diameterMaxUm, threshold, f, cellDiameterUm, threads, chunkVoxels);
    }

    @Override
    public int[] chunkVoxels() {
        return chunkVoxels.clone();
    }

    /**
     * A warning when voxels are too coarse for the fibres these settings look for: with the finest voxel axis more than
     * twice the thickest fibre, a fibre is a faint fraction of a voxel, and fibre fractions say little. Empty otherwise.
     *
     * @param voxelSizeUm the volume's voxel size, µm
     */
    public Optional<String> resolutionConcern(VoxelSize voxelSizeUm) {
        double finest = Math.min(voxelSizeUm.um(0), Math.min(voxelSizeUm.um(1), voxelSizeUm.um(2)));
        if (finest <= 2 * diameterMaxUm) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "voxels of %s µm are too coarse for fibres %s-%s µm thick: fibre fractions say little "
                + "(image the stained channel at about %s µm or finer)", voxelSizeUm, num(diameterMinUm), num(diameterMaxUm), num(diameterMaxUm)));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

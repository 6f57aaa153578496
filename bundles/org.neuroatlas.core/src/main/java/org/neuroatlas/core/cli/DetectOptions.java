package org.neuroatlas.core.cli;

import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.detect.run.DetectionOptions;

import picocli.CommandLine.Option;

/** The cell detector's options, shared by {@code detect} and {@code benchmark detect}. Defaults are the engine's. */
final class DetectOptions {

    @Option(names = "--cell-diameter-um", defaultValue = "15", paramLabel = "UM",
            description = "Typical soma diameter, µm; sets every filter scale (default: ${DEFAULT-VALUE}).")
    double cellDiameterUm;

    @Option(names = "--threshold", defaultValue = "auto", paramLabel = "auto|auto:K|VALUE",
            description = "Threshold on the band-passed image: auto = median + K × 1.4826 × MAD over a fixed sample of the volume (K = 12), "
                    + "auto:K for another K, or an absolute value in the input's intensity units (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--min-separation-um", paramLabel = "UM",
            description = "Two maxima closer than this keep only the higher, µm (default: half the cell diameter).")
    Double minSeparationUm;

    @Option(names = "--min-volume-um3", defaultValue = "0", paramLabel = "UM3",
            description = "Drop cells whose segment is smaller, µm³ (default: ${DEFAULT-VALUE}, keep all).")
    double minVolumeUm3;

    @Option(names = "--max-volume-um3", paramLabel = "UM3", description = "Drop cells whose segment is larger, µm³ (default: no limit).")
    Double maxVolumeUm3;

    @Option(names = "--min-peak-above-background", defaultValue = "0", paramLabel = "I",
            description = "Drop cells whose brightest voxel is less than this above the local background, input intensity units "
                    + "(default: ${DEFAULT-VALUE}, keep all).")
    double minPeakAboveBackground;

    @Option(names = "--segmentation-fraction", defaultValue = "0.3", paramLabel = "F",
            description = "A cell's segment holds the voxels whose band-passed value is at least F × the seed's, 0 < F < 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    double segmentationFraction;

    @Option(names = "--threads", paramLabel = "N", description = "Chunks processed in parallel (default: all cores); does not change the output.")
    Integer threads;

    @Option(names = "--chunk-voxels", defaultValue = "256,256,256", paramLabel = "X,Y,Z",
            description = "Chunk size in voxels; memory is about 23 bytes × (chunk + halo) voxels per thread. Does not change the output "
                    + "(default: ${DEFAULT-VALUE}).")
    String chunkVoxels;

    /**
     * The engine settings for these options.
     *
     * @throws org.neuroatlas.core.InputException naming the option of a bad value
     */
    DetectionSettings settings() {
        int[] chunk = DetectionOptions.parseChunkVoxels(chunkVoxels);
        return new DetectionSettings(cellDiameterUm, Threshold.parse(threshold), minSeparationUm == null ? Double.NaN : minSeparationUm, minVolumeUm3,
                maxVolumeUm3 == null ? Double.POSITIVE_INFINITY : maxVolumeUm3, minPeakAboveBackground, segmentationFraction,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, chunk);
    }
}

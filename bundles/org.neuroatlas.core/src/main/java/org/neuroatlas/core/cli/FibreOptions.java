package org.neuroatlas.core.cli;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.FibreSettings;

import picocli.CommandLine.Option;

/**
 * The fibre filter's own options, shared by {@code axons} and {@code run --axons}. The threshold, soma diameter,
 * threads and chunk size are given by each command: {@code run} already has a {@code --threshold} and
 * {@code --cell-diameter-um} (the cell detector's) and must not take them twice.
 */
final class FibreOptions {

    @Option(names = "--fibre-diameter-um", defaultValue = AxonDensityRun.DEFAULT_FIBRE_DIAMETER_UM, paramLabel = "MIN,MAX",
            description = "Fibre diameters to enhance, µm (default: ${DEFAULT-VALUE}).")
    String fibreDiameter;

    @Option(names = "--width-fraction", defaultValue = "" + FibreSettings.DEFAULT_WIDTH_FRACTION, paramLabel = "F",
            description = "A fibre voxel's ridge response is at least F x the highest of its 26 neighbours (default: ${DEFAULT-VALUE}).")
    double widthFraction;

    /**
     * The engine settings.
     *
     * @param thresholdOption the command's name of the threshold option, named in its error
     * @param threshold       {@code auto}, {@code auto:K} or an absolute ridge value, as typed
     * @param cellDiameterUm  soma diameter of the soma exclusion, µm
     * @param threads         worker threads, or null for all cores
     * @param chunkVoxels     {@code X,Y,Z} voxels
     * @throws InputException naming the option of a bad value
     */
    FibreSettings settings(String thresholdOption, String threshold, double cellDiameterUm, Integer threads, String chunkVoxels) {
        try {
            AxonDensityRun.threshold(threshold);
        } catch (InputException e) {
            throw InputException.parameter(thresholdOption, "'" + threshold + "' is not a threshold",
                    "Give auto, auto:K (K x the voxel noise σ) or an absolute ridge value in intensity units");
        }
        return AxonDensityRun.settings(fibreDiameter, threshold, widthFraction, cellDiameterUm,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, chunkVoxels);
    }
}

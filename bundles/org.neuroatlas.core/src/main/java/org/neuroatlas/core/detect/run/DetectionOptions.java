package org.neuroatlas.core.detect.run;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.DetectionSettings;

/**
 * Parsing of the detection options that are typed as text (chunk size, optional lengths) and the thread-count
 * convention, shared by the CLI and the Cell Detector node. Errors name the CLI parameter, as
 * {@link DetectionSettings}'s own do.
 */
public final class DetectionOptions {

    /** The default chunk size as typed, {@code X,Y,Z} voxels. */
    public static final String DEFAULT_CHUNK_VOXELS = format(DetectionSettings.DEFAULT_CHUNK_VOXELS);

    private DetectionOptions() {
    }

    /**
     * Parses a chunk size {@code X,Y,Z} in voxels (one number means a cube).
     *
     * @throws InputException naming {@code --chunk-voxels} if the text is not one or three whole numbers
     */
    public static int[] parseChunkVoxels(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        try {
            if (parts.length == 1 && !parts[0].isEmpty()) {
                int n = Integer.parseInt(parts[0]);
                return new int[] {n, n, n};
            }
            if (parts.length == 3) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
            }
        } catch (NumberFormatException e) {
            // fall through to the user-facing message
        }
        throw InputException.parameter("--chunk-voxels", "'" + text + "' is not a chunk size",
                "Give three whole numbers of voxels as X,Y,Z (column, row, plane), e.g. " + DEFAULT_CHUNK_VOXELS);
    }

    /** {@code X,Y,Z}. */
    public static String format(int[] chunkVoxels) {
        return Arrays.stream(chunkVoxels).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * A length that may be left empty: {@code whenEmpty} for blank text, else the number.
     *
     * @param parameter the CLI parameter named in the error, e.g. {@code --min-separation-um}
     * @throws InputException naming {@code parameter} if the text is not a number
     */
    public static double parseOptional(String text, String parameter, double whenEmpty) {
        if (text == null || text.isBlank()) {
            return whenEmpty;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw InputException.parameter(parameter, "'" + text.trim() + "' is not a number", "Give a number, or leave it empty for the default");
        }
    }

    /** Worker threads for a requested count: 0 means every core of this machine. */
    public static int threads(int requested) {
        return requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    }
}

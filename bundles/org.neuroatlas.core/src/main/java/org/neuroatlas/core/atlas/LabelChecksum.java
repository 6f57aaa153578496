package org.neuroatlas.core.atlas;

import java.util.Locale;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.Volume;

/**
 * A checksum of an annotation volume that depends only on which label sits at which position of atlas space — not on
 * the file format, compression, or the orientation the file stores it in. So the Allen NRRD and a BrainGlobe TIFF
 * copy of the same atlas have the same checksum. It is the sum (mod 2^64) of a strong 64-bit mix of (atlas-space
 * linear index, label) over all voxels, which can be accumulated in any reading order. It identifies, it does not
 * protect against tampering.
 */
public final class LabelChecksum {

    private LabelChecksum() {
    }

    /**
     * @param annotation the annotation as stored (any orientation)
     * @param toAtlas    mapping from the stored orientation to atlas space
     */
    public static String of(Volume<?> annotation, AxisMapping toAtlas, Progress progress) {
        long[] nativeDims = annotation.dimensions();
        long[] atlasDims = toAtlas.mapDimensions(nativeDims);
        // The atlas-space linear index is affine in the stored coordinates: base + x·k[0] + y·k[1] + z·k[2].
        long[] stride = {1, atlasDims[0], atlasDims[0] * atlasDims[1]};
        long[] k = new long[3];
        long base = 0;
        for (int t = 0; t < 3; t++) {
            int s = toAtlas.sourceDimension(t);
            k[s] = toAtlas.flips(t) ? -stride[t] : stride[t];
            base += toAtlas.flips(t) ? (nativeDims[s] - 1) * stride[t] : 0;
        }
        int nx = (int) nativeDims[0];
        int ny = (int) nativeDims[1];
        long sum = 0;
        try (PlaneStream planes = new PlaneStream(annotation, 2, 1)) {
            while (planes.hasNext()) {
                progress.checkCanceled();
                long z = planes.nextZ();
                Object plane = planes.next();
                for (int y = 0; y < ny; y++) {
                    long row = base + z * k[2] + y * k[1];
                    for (int x = 0; x < nx; x++) {
                        long label = (long) annotation.pixelType().get(plane, y * nx + x);
                        if (label != 0) { // outside the brain is skipped: it saves most of the work
                            sum += mix((row + x * k[0]) * 0x9E3779B97F4A7C15L ^ label);
                        }
                    }
                }
                progress.report((z + 1.0) / nativeDims[2], null);
            }
        }
        return String.format(Locale.ROOT, "%016x", sum ^ mix(atlasDims[0] * 31 + atlasDims[1] * 1009 + atlasDims[2] * 65537));
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

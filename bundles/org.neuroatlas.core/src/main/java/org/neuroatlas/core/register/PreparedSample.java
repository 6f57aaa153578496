package org.neuroatlas.core.register;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.Downsampler;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * A sample's autofluorescence volume made ready for registration: downsampled (streaming, area averaging) to about
 * the atlas template's voxel size in the sample's <em>own</em> stored axes, so that positions stay sample µm and the
 * reorientation is left to the affine map; optionally rescaled to robust percentiles; and a brain mask by Otsu's
 * threshold, whose centroid gives the initial translation.
 */
public final class PreparedSample {

    /** Normalisation maps this percentile of the image to 0 (background level). */
    static final double LOW_PERCENTILE = 0.01;
    /** … and this one to 1: high enough to be tissue, low enough to ignore a few saturated or dust voxels. */
    static final double HIGH_PERCENTILE = 0.999;
    /** Normalised values are clipped to this, so that bright artefacts cannot dominate the correlation. */
    static final float CLIP = 1.5f;
    /** A mask with fewer voxels than this fraction of the image means no brain was found. */
    static final double MIN_BRAIN_FRACTION = 0.005;

    private final FloatGrid image;
    private final boolean[] mask;
    private final SampleGeometry geometry;
    private final double[] centroidUm;

    private PreparedSample(FloatGrid image, boolean[] mask, SampleGeometry geometry, double[] centroidUm) {
        this.image = image;
        this.mask = mask;
        this.geometry = geometry;
        this.centroidUm = centroidUm;
    }

    /**
     * Reads {@code autofluorescence} once, plane by plane, into a float image of voxel size {@code targetUm}
     * (sample axes).
     *
     * @param autofluorescence the sample volume; must carry its orientation code
     * @param targetUm         voxel size of the prepared image along the sample's x, y, z, µm (normally the
     *                         template's voxel size carried into the sample's axes)
     * @param normalise        rescale so that the 1st percentile is 0 and the 99.9th is 1, clipped at
     *                         {@value #CLIP}
     * @throws InputException if the volume has no orientation code, is constant, or holds no bright object
     */
    public static PreparedSample prepare(Volume<?> autofluorescence, VoxelSize targetUm, boolean normalise, Progress progress) {
        Orientation orientation = autofluorescence.orientation().orElseThrow(() -> InputException.parameter("--orientation",
                "is unknown for " + autofluorescence.source(), "Give the sample's BrainGlobe orientation code, e.g. psl"));
        SampleGeometry geometry = new SampleGeometry(autofluorescence.dimensions(), autofluorescence.voxelSizeUm(), orientation);
        Downsampler down = new Downsampler(autofluorescence.dimensions(), autofluorescence.voxelSizeUm(), targetUm);
        long[] d = down.targetDimensions();
        float[] data = new float[Math.toIntExact(d[0] * d[1] * d[2])];
        int plane = (int) (d[0] * d[1]);
        down.run(autofluorescence, (z, p) -> System.arraycopy(p, 0, data, z * plane, plane), progress);
        // Downsampled voxel t covers [t, t+1)·target from the source's first edge, so its centre lies
        // (target − source)/2 µm beyond the source's first voxel centre.
        double[] spacing = new double[3], origin = new double[3];
        for (int a = 0; a < 3; a++) {
            spacing[a] = targetUm.um(a);
            origin[a] = 0.5 * (targetUm.um(a) - autofluorescence.voxelSizeUm().um(a));
        }
        FloatGrid image = new FloatGrid((int) d[0], (int) d[1], (int) d[2], spacing, origin, data);
        double[] p = Intensities.percentiles(data, LOW_PERCENTILE, HIGH_PERCENTILE);
        if (!(p[1] > p[0])) {
            throw notABrain(autofluorescence, "is constant (" + p[0] + ") over most of its voxels");
        }
        if (normalise) {
            float lo = (float) p[0], scale = (float) (1 / (p[1] - p[0]));
            for (int i = 0; i < data.length; i++) {
                data[i] = Math.min(CLIP, (data[i] - lo) * scale);
            }
            p = new double[] {0, 1};
        }
        boolean[] mask = Intensities.above(data, Intensities.otsu(data, p[0], p[1]));
        if (Intensities.count(mask) < MIN_BRAIN_FRACTION * data.length) {
            throw notABrain(autofluorescence, "holds no bright object that could be a brain");
        }
        return new PreparedSample(image, mask, geometry, Intensities.centroidUm(image, mask));
    }

    private static InputException notABrain(Volume<?> v, String problem) {
        return new InputException(v.source() + ": " + problem + " after downsampling to registration resolution. "
                + "Give the autofluorescence (or another anatomical) channel of a whole brain");
    }

    /** The sample volume this was prepared from (sample space is its µm in its stored axes). */
    public SampleGeometry geometry() {
        return geometry;
    }

    /** Size of the prepared image, voxels (x, y, z of the sample's stored axes). */
    public long[] dimensions() {
        return new long[] {image.nx, image.ny, image.nz};
    }

    /** Voxel size of the prepared image, µm. */
    public VoxelSize voxelSizeUm() {
        return new VoxelSize(image.spacingUm[0], image.spacingUm[1], image.spacingUm[2]);
    }

    /** Sample µm of the prepared image's first voxel centre (half a voxel's growth beyond the original first centre). */
    public double[] originUm() {
        return image.originUm.clone();
    }

    /** Voxels in the brain mask. */
    public long brainVoxels() {
        return Intensities.count(mask);
    }

    /** Centroid of the brain mask, sample µm. */
    public double[] brainCentroidUm() {
        return centroidUm.clone();
    }

    FloatGrid image() {
        return image;
    }

    boolean[] mask() {
        return mask;
    }
}

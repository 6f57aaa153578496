package org.neuroatlas.core.register;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The atlas side of a registration: the template in atlas space as a float grid, the brain (annotation &gt; 0,
 * looked up at each template voxel centre, so the annotation may have another resolution) where the similarity is
 * measured, and the centroid and volume of the template's bright part, which match the sample's thresholded brain
 * for the initial guess.
 */
final class AtlasReference {

    final FloatGrid template;
    /** Template voxels inside the annotated brain. */
    final boolean[] brain;
    /** Centroid of the template's Otsu mask, atlas µm. */
    final double[] brightCentroidUm;
    /** Volume of the template's Otsu mask, µm³. */
    final double brightVolumeUm3;
    final String atlasKey;

    private AtlasReference(FloatGrid template, boolean[] brain, double[] brightCentroidUm, double brightVolumeUm3, String atlasKey) {
        this.template = template;
        this.brain = brain;
        this.brightCentroidUm = brightCentroidUm;
        this.brightVolumeUm3 = brightVolumeUm3;
        this.atlasKey = atlasKey;
    }

    /**
     * The finest voxel size registration runs at, µm. A template finer than this is halved ({@link FloatGrid#decimated})
     * until it is not: the non-rigid stage holds a few dozen floats per template voxel (counted from its arrays), and
     * a simulated brain registered to the demo atlas at 25 µm (77 M voxels, the grid of Allen's 25 µm template) ran out
     * of a 6 GB heap, while at 50 µm the whole command peaked at 3.8 GB; on simulated brains registered at 100 µm the
     * mapped cells already land a median 5 µm from the truth.
     */
    static final double MIN_REGISTRATION_VOXEL_UM = 40;

    /** @throws InputException if the atlas has no template, or its template or annotation is empty */
    static AtlasReference of(Atlas atlas) {
        return of(atlas, false);
    }

    /**
     * The reference registration runs against: the template halved until its voxels are at least
     * {@value #MIN_REGISTRATION_VOXEL_UM} µm ({@link #registrationVoxelUm}).
     *
     * @throws InputException as {@link #of}
     */
    static AtlasReference forRegistration(Atlas atlas) {
        return of(atlas, true);
    }

    /** The voxel size registration runs at for a template of voxel size {@code templateUm}: halved until ≥ the minimum. */
    static VoxelSize registrationVoxelUm(VoxelSize templateUm) {
        int factor = coarseningFactor(templateUm);
        return new VoxelSize(templateUm.xUm() * factor, templateUm.yUm() * factor, templateUm.zUm() * factor);
    }

    /** 1, 2, 4, …: the factor by which the template's voxel size is multiplied for registration. */
    private static int coarseningFactor(VoxelSize templateUm) {
        double finest = Math.min(templateUm.xUm(), Math.min(templateUm.yUm(), templateUm.zUm()));
        int factor = 1;
        while (finest * factor < MIN_REGISTRATION_VOXEL_UM) {
            factor *= 2;
        }
        return factor;
    }

    private static AtlasReference of(Atlas atlas, boolean coarsen) {
        String where = atlas.folder().map(Object::toString).orElse(atlas.identity().key());
        Volume<?> t = atlas.template().orElseThrow(() -> new InputException(where + ": the atlas has no template (reference) image, "
                + "which registration needs. Use an atlas folder with average_template_<res>.nrrd or reference.tiff, or demo"));
        FloatGrid template = FloatGrid.of(t);
        for (int f = coarsen ? coarseningFactor(t.voxelSizeUm()) : 1; f > 1; f /= 2) {
            template = template.decimated();
        }
        boolean[] brain = brainAtTemplate(atlas.annotation(), template);
        if (Intensities.count(brain) == 0) {
            throw new InputException(where + ": the annotation has no labelled voxel inside the template's box. Check the atlas files");
        }
        double[] p = Intensities.percentiles(template.data, PreparedSample.LOW_PERCENTILE, PreparedSample.HIGH_PERCENTILE);
        if (!(p[1] > p[0])) {
            throw new InputException(where + ": the template image is constant. Check the atlas files");
        }
        boolean[] bright = Intensities.above(template.data, Intensities.otsu(template.data, p[0], p[1]));
        double voxel = template.spacingUm[0] * template.spacingUm[1] * template.spacingUm[2];
        return new AtlasReference(template, brain, Intensities.centroidUm(template, bright), Intensities.count(bright) * voxel,
                atlas.identity().key());
    }

    VoxelSize voxelSizeUm() {
        return new VoxelSize(template.spacingUm[0], template.spacingUm[1], template.spacingUm[2]);
    }

    long[] dimensions() {
        return new long[] {template.nx, template.ny, template.nz};
    }

    /** annotation &gt; 0 at the nearest annotation voxel to each template voxel centre (both grids start at 0 µm). */
    private static boolean[] brainAtTemplate(Volume<?> annotation, FloatGrid template) {
        return lookUp(annotation.voxels(), annotation.voxelSizeUm(), template);
    }

    private static <T extends RealType<T>> boolean[] lookUp(RandomAccessibleInterval<T> labels, VoxelSize labelUm, FloatGrid template) {
        boolean[] out = new boolean[template.size()];
        RandomAccess<T> ra = labels.randomAccess();
        long[] min = labels.minAsLongArray(), max = labels.maxAsLongArray();
        long[] pos = new long[3];
        int[] idx = new int[3];
        for (int z = 0, i = 0; z < template.nz; z++) {
            for (int y = 0; y < template.ny; y++) {
                for (int x = 0; x < template.nx; x++, i++) {
                    idx[0] = x;
                    idx[1] = y;
                    idx[2] = z;
                    boolean inside = true;
                    for (int d = 0; d < 3; d++) {
                        pos[d] = min[d] + Math.round(idx[d] * template.spacingUm[d] / labelUm.um(d));
                        inside &= pos[d] <= max[d];
                    }
                    if (inside) {
                        ra.setPosition(pos);
                        out[i] = ra.get().getRealDouble() > 0;
                    }
                }
            }
        }
        return out;
    }
}

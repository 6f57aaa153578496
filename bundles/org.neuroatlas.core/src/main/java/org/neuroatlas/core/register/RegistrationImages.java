package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.nrrd.NrrdWriter;

/**
 * The images of a registration folder, computed from any {@link AtlasTransform} (affine or deformable) and the
 * prepared (downsampled) sample:
 * <ul>
 * <li>{@value #WARPED_FILE}: the sample resampled onto the atlas template's grid (trilinear, float), with the
 * header layout of Allen's CCF NRRDs (LPS label, space directions in µm, origin 0);</li>
 * <li>{@value #ATLAS_IN_SAMPLE_FILE}: the annotation carried into the prepared sample's grid in the sample's own
 * stored axes (nearest label, uint32), spacings in µm and the sample's orientation code in the header. Voxel
 * (i, j, k) has its centre at {@link PreparedSample#originUm()} + (i, j, k) · spacing in sample µm: half a
 * downsampled voxel minus half an original voxel beyond the original first voxel centre, because each
 * downsampled voxel averages a block of original ones;</li>
 * <li>{@code qc_coronal.png}, {@code qc_sagittal.png}, {@code qc_horizontal.png}: middle template slices with the
 * warped sample overlaid ({@link QcImages}).</li>
 * </ul>
 * Each file is written under a temporary name and moved into place complete; both volumes are computed plane by
 * plane while written, so memory holds the prepared sample, the template and a plane.
 */
public final class RegistrationImages {

    public static final String WARPED_FILE = "warped_to_atlas.nrrd";
    public static final String ATLAS_IN_SAMPLE_FILE = "atlas_in_sample.nrrd";
    /** The QC picture names, coronal, sagittal, horizontal. */
    public static final List<String> QC_FILES = List.of(QcImages.View.CORONAL.fileName, QcImages.View.SAGITTAL.fileName,
            QcImages.View.HORIZONTAL.fileName);

    private RegistrationImages() {
    }

    /**
     * Writes the images into {@code folder} (created if needed; these files replaced if present).
     *
     * @param atlas     the atlas the transform was computed for; its template gives the grid of the warped image and
     *                  the QC slices, its annotation the labels
     * @param transform atlas µm → sample µm
     * @param sample    the sample prepared for registration ({@link LinearRegistration#prepare}); its intensities
     *                  (rescaled to robust percentiles unless registration ran without normalisation) are what
     *                  {@value #WARPED_FILE} holds
     * @return the normalised cross-correlation of the warped sample with the template over the atlas brain
     *         (annotation &gt; 0, at the template's resolution)
     * @throws InputException if the transform belongs to another atlas or another sample geometry, or the atlas has
     *                        no template
     */
    public static double write(Atlas atlas, AtlasTransform transform, PreparedSample sample, Path folder, Progress progress)
            throws IOException {
        transform.requireAtlas(atlas.identity(), folder);
        transform.requireSample(sample.geometry(), folder);
        AtlasReference reference = AtlasReference.of(atlas);
        WarpedToAtlas warped = new WarpedToAtlas(sample.image(), transform, reference.template);
        NrrdWriter.write(warped.volume("warped_to_atlas"), folder.resolve(WARPED_FILE), NrrdWriter.Options.allenLayout(),
                progress.slice(0, 0.4));
        FloatGrid grid = sample.image();
        AtlasInSample labels = new AtlasInSample(atlas.annotation(), transform, sample.dimensions(), grid.spacingUm, grid.originUm);
        NrrdWriter.write(labels.volume("atlas_in_sample", sample.geometry().orientation()), folder.resolve(ATLAS_IN_SAMPLE_FILE),
                NrrdWriter.Options.defaults(), progress.slice(0.4, 0.8));
        QcImages.write(folder, reference.template, warped);
        double ncc = warped.ncc(reference.template.data, reference.brain);
        progress.report(1, null);
        return ncc;
    }
}

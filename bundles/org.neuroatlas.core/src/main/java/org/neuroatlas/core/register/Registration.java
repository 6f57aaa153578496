package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The built-in engine end to end: preparation, the linear stage ({@link LinearRegistration}) and the non-rigid
 * stage ({@link NonRigidRegistration}), giving one {@link AtlasTransform} (affine part and forward field {@code u},
 * with the inverse field and quality figures computed by {@link AtlasTransform#of}).
 */
public final class Registration {

    /**
     * @param threads   threads (≥ 1); does not change the result
     * @param normalise rescale the sample's intensities to robust percentiles (see {@link PreparedSample#prepare})
     * @param nonRigid  the non-rigid stage's settings (its thread count is replaced by {@code threads})
     */
    public record Settings(int threads, boolean normalise, NonRigidRegistration.Settings nonRigid) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
        }

        /** The given threads, normalised intensities, the non-rigid stage's defaults. */
        public static Settings defaults(int threads) {
            return new Settings(threads, true, NonRigidRegistration.Settings.defaults(threads));
        }

        /** These settings with {@code normalise} replaced. */
        public Settings withNormalise(boolean normalise) {
            return new Settings(threads, normalise, nonRigid);
        }
    }

    /**
     * @param transform   atlas µm → sample µm: affine part and forward field {@code u} (with its inverse)
     * @param nccBefore   NCC over the atlas brain (annotation &gt; 0) at the template's resolution with the initial guess
     * @param nccLinear   the same after the linear (affine) stage
     * @param nccNonRigid the same after the non-rigid stage
     * @param linear      the linear stage's own result
     * @param nonRigid    the non-rigid stage's own result
     * @param seconds     wall time of the whole registration, inverse field included, s
     */
    public record Result(AtlasTransform transform, double nccBefore, double nccLinear, double nccNonRigid, LinearRegistration.Result linear,
            NonRigidRegistration.Result nonRigid, double seconds) implements RegistrationOutcome {

        /**
         * Writes the registration folder {@code folder}: the transform as {@value LinearRegistration#TRANSFORM_FOLDER}
         * ({@link AtlasTransform#save}) and the figures as {@value LinearRegistration#QUALITY_FILE}, each replaced as
         * a whole if already there.
         */
        public void save(Path folder) throws IOException {
            transform.save(folder.resolve(LinearRegistration.TRANSFORM_FOLDER));
            AtomicFile.write(folder.resolve(LinearRegistration.QUALITY_FILE), tmp -> Files.writeString(tmp, qualityJson()));
        }

        /**
         * The figures as JSON: backend and stages, atlas identity, NCC over the atlas brain at the template's
         * resolution before, after the rigid, the affine (linear) and the non-rigid stage ({@code nccAfter}: the
         * final one, the non-rigid stage's), the warp's Jacobian determinant
         * range and folded nodes, its largest displacement (µm) and the inverse field's residual (µm), wall time (s).
         */
        public String qualityJson() {
            return "{\n  \"backend\": \"builtin\",\n  \"stages\": [\"rigid\", \"affine\", \"demons\"],\n"
                    + QualityJson.figures(transform, nccBefore, linear.rigidNcc(), nccLinear, nccNonRigid, seconds) + "}\n";
        }
    }

    private Registration() {
    }

    /**
     * Registers {@code autofluorescence} (which must carry its orientation code) to {@code atlas}'s template,
     * linearly and then non-rigidly.
     *
     * @throws InputException as {@link LinearRegistration#register}
     */
    public static Result register(Atlas atlas, Volume<?> autofluorescence, Settings settings, Progress progress) {
        long start = System.nanoTime();
        AtlasReference reference = AtlasReference.forRegistration(atlas);
        Orientation orientation = autofluorescence.orientation().orElseThrow(() -> InputException.parameter("--orientation",
                "is unknown for " + autofluorescence.source(), "Give the sample's BrainGlobe orientation code, e.g. psl"));
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(orientation);
        VoxelSize target = axes.mapVoxelSize(reference.voxelSizeUm());
        PreparedSample sample = PreparedSample.prepare(autofluorescence, target, settings.normalise(), progress.slice(0, 0.2));
        return register(reference, sample, settings, progress.slice(0.2, 1), start);
    }

    /**
     * Registers a sample prepared by {@link LinearRegistration#prepare} (with the same normalisation) to
     * {@code atlas}'s template, linearly and then non-rigidly, for callers that also need the downsampled image
     * afterwards ({@link RegistrationImages}); the reported wall time excludes the preparation.
     *
     * @throws InputException as {@link LinearRegistration#register}
     */
    public static Result register(Atlas atlas, PreparedSample sample, Settings settings, Progress progress) {
        long start = System.nanoTime();
        return register(AtlasReference.forRegistration(atlas), sample, settings, progress, start);
    }

    static Result register(AtlasReference reference, PreparedSample sample, Settings settings, Progress progress, long startNanos) {
        LinearRegistration.Result linear = LinearRegistration.register(reference, sample,
                new LinearRegistration.Settings(settings.threads(), settings.normalise()), progress.slice(0, 0.4), startNanos);
        AffineMap affine = linear.transform().sampleSide();
        NonRigidRegistration.Settings n = settings.nonRigid();
        NonRigidRegistration.Result nonRigid = NonRigidRegistration.register(reference, sample, affine,
                n.withThreads(settings.threads()),
                progress.slice(0.4, 0.9));
        AtlasTransform transform = AtlasTransform.of(affine, nonRigid.displacement(), reference.atlasKey, sample.geometry(),
                progress.slice(0.9, 1));
        return new Result(transform, linear.nccBefore(), nonRigid.nccBefore(), nonRigid.nccAfter(), linear, nonRigid,
                (System.nanoTime() - startNanos) / 1e9);
    }
}

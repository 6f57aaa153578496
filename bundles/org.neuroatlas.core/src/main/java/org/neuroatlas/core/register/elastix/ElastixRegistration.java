package org.neuroatlas.core.register.elastix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.BackendInputs;
import org.neuroatlas.core.register.LinearRegistration;
import org.neuroatlas.core.register.PreparedSample;
import org.neuroatlas.core.register.QualityJson;
import org.neuroatlas.core.register.RegistrationOutcome;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Registration with elastix instead of the built-in engine, with the same inputs and the same kind of result: the
 * sample is prepared as for the built-in engine ({@link PreparedSample}), written with the template as MetaImages
 * into a work folder, registered by {@code elastix} (our parameter files {@code affine.txt} and
 * {@code bspline.txt}, starting from the built-in engine's initial pose), and transformix's deformation field is
 * converted into our {@link AtlasTransform} ({@link FieldConversion}). The NCC figures are measured by the built-in
 * engine's own code on the converted transform, so the two backends' figures compare directly.
 */
public final class ElastixRegistration {

    /** Name of the folder inside a registration folder that keeps elastix's log and transform parameter files. */
    public static final String ELASTIX_FOLDER = "elastix";
    /** Our capture of elastix's and transformix's output, in the work folder and in {@value #ELASTIX_FOLDER}/. */
    public static final String LOG_FILE = "elastix.log";

    /** Similarity measure of both stages. */
    public enum Metric {
        /** Normalised cross-correlation: same kind of image (autofluorescence against an autofluorescence template). */
        NCC("\"AdvancedNormalizedCorrelation\""),
        /** Mattes mutual information: other contrasts (e.g. a Nissl-like template). */
        MI("\"AdvancedMattesMutualInformation\"");

        final String elastixName;

        Metric(String elastixName) {
            this.elastixName = elastixName;
        }
    }

    /**
     * @param threads            threads elastix and transformix may use (≥ 1; {@code -threads})
     * @param normalise          rescale the sample's intensities to robust percentiles (as the built-in engine)
     * @param metric             similarity measure of both stages
     * @param affineIterations   iterations per pyramid level of the affine stage (≥ 1)
     * @param bsplineIterations  iterations per level of the B-spline stage; 0 for an affine registration only
     * @param gridSpacingUm      B-spline control-point spacing at the finest level, µm (&gt; 0)
     * @param workFolder         where the MetaImages and elastix's files go; null for a temporary folder that is
     *                           deleted after a successful run (kept, and named in the error, after a failed one)
     */
    public record Settings(int threads, boolean normalise, Metric metric, int affineIterations, int bsplineIterations, double gridSpacingUm,
            Path workFolder) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
            if (affineIterations < 1 || bsplineIterations < 0) {
                throw new IllegalArgumentException("iterations: affine ≥ 1, B-spline ≥ 0");
            }
            if (!(gridSpacingUm > 0)) {
                throw new IllegalArgumentException("B-spline grid spacing must be positive, not " + gridSpacingUm);
            }
        }

        /** The shipped parameter files as they are: NCC, 150 iterations per level in both stages, 1000 µm B-spline grid. */
        public static Settings defaults(int threads) {
            return new Settings(threads, true, Metric.NCC, 150, 150, 1000, null);
        }

        /** These settings with another iteration count per level for each stage. */
        public Settings withIterations(int affine, int bspline) {
            return new Settings(threads, normalise, metric, affine, bspline, gridSpacingUm, workFolder);
        }

        /** These settings with or without intensity normalisation. */
        public Settings withNormalise(boolean normalise) {
            return new Settings(threads, normalise, metric, affineIterations, bsplineIterations, gridSpacingUm, workFolder);
        }

        /** These settings writing into {@code folder} (kept afterwards). */
        public Settings withWorkFolder(Path folder) {
            return new Settings(threads, normalise, metric, affineIterations, bsplineIterations, gridSpacingUm, folder);
        }

        boolean nonRigid() {
            return bsplineIterations > 0;
        }
    }

    /**
     * @param transform   atlas µm → sample µm in our format (affine part: least-squares fit of elastix's map over the
     *                    atlas brain; field: the rest)
     * @param nccBefore   NCC over the atlas brain at the template's resolution with the initial pose
     * @param nccLinear   the same after elastix's affine stage
     * @param nccNonRigid the same after the B-spline stage (= nccLinear without one)
     * @param seconds     wall time, preparation (if done here), elastix, conversion and inverse field, s
     * @param settings    the settings used
     * @param files       elastix's log and parameter files by name, kept for {@link #save}
     */
    public record Result(AtlasTransform transform, double nccBefore, double nccLinear, double nccNonRigid, double seconds, Settings settings,
            Map<String, String> files) implements RegistrationOutcome {

        public Result {
            files = Map.copyOf(files);
        }

        /**
         * Writes the registration folder: {@code transform/} ({@link AtlasTransform#save}), {@code quality.json}
         * and {@value #ELASTIX_FOLDER}/ with elastix's log, the parameter files used and elastix's own transform
         * parameter files (for reference; our transform is the one in {@code transform/}).
         */
        @Override
        public void save(Path folder) throws IOException {
            transform.save(folder.resolve(LinearRegistration.TRANSFORM_FOLDER));
            AtomicFile.write(folder.resolve(LinearRegistration.QUALITY_FILE), tmp -> Files.writeString(tmp, qualityJson()));
            Path e = Files.createDirectories(folder.resolve(ELASTIX_FOLDER));
            for (Map.Entry<String, String> f : files.entrySet()) {
                AtomicFile.write(e.resolve(f.getKey()), tmp -> Files.writeString(tmp, f.getValue()));
            }
        }

        /** The figures as JSON, with the same members as the built-in engine's (nccRigid is null: elastix has no rigid stage). */
        @Override
        public String qualityJson() {
            return String.format(Locale.ROOT, "{\n  \"backend\": \"elastix\",\n  \"stages\": %s,\n  \"parameterFiles\": %s,\n  \"metric\": %s,\n",
                    settings.nonRigid() ? "[\"affine\", \"bspline\"]" : "[\"affine\"]",
                    settings.nonRigid() ? "[\"affine.txt\", \"bspline.txt\"]" : "[\"affine.txt\"]", Json.quote(settings.metric().name()))
                    + QualityJson.figures(transform, nccBefore, Double.NaN, nccLinear, nccNonRigid, seconds) + "}\n";
        }
    }

    private ElastixRegistration() {
    }

    /**
     * Registers {@code autofluorescence} (which must carry its orientation code) to {@code atlas}'s template with
     * elastix: the entry point matching {@code Registration.register} of the built-in engine.
     *
     * @throws InputException if elastix or transformix is not installed (saying how to install it), the atlas has no
     *                        template, the volume no orientation or no brain, elastix fails (naming its log), or the
     *                        result correlates less than {@link LinearRegistration#MIN_NCC} with the template
     */
    public static Result register(Atlas atlas, Volume<?> autofluorescence, Settings settings, Progress progress) {
        return register(ElastixBackend.require(), atlas, autofluorescence, settings, progress); // checked before the long preparation
    }

    /** As {@link #register(Atlas, Volume, Settings, Progress)} with the given executables (see {@link ElastixBackend#locate(String)}). */
    public static Result register(ElastixBackend backend, Atlas atlas, Volume<?> autofluorescence, Settings settings, Progress progress) {
        long start = System.nanoTime();
        Orientation orientation = autofluorescence.orientation().orElseThrow(() -> InputException.parameter("--orientation",
                "is unknown for " + autofluorescence.source(), "Give the sample's BrainGlobe orientation code, e.g. psl"));
        Volume<?> template = atlas.template().orElseThrow(() -> new InputException(atlas.identity().key()
                + ": the atlas has no template (reference) image, which registration needs. Use an atlas folder with "
                + "average_template_<res>.nrrd or reference.tiff, or demo"));
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(orientation);
        VoxelSize target = axes.mapVoxelSize(BackendInputs.registrationVoxelUm(template.voxelSizeUm()));
        PreparedSample sample = PreparedSample.prepare(autofluorescence, target, settings.normalise(), progress.slice(0, 0.1));
        return register(backend, atlas, sample, settings, progress.slice(0.1, 1), start);
    }

    /**
     * As {@link #register(Atlas, Volume, Settings, Progress)} for a sample already prepared (e.g. by
     * {@link LinearRegistration#prepare}, so that the caller can also make images from it); the reported time
     * excludes the preparation.
     */
    public static Result register(Atlas atlas, PreparedSample sample, Settings settings, Progress progress) {
        return register(ElastixBackend.require(), atlas, sample, settings, progress, System.nanoTime());
    }

    static Result register(ElastixBackend backend, Atlas atlas, PreparedSample sample, Settings settings, Progress progress, long start) {
        BackendInputs inputs = BackendInputs.of(atlas, sample);
        boolean temporary = settings.workFolder() == null;
        Path work = null;
        try {
            work = temporary ? Files.createTempDirectory("neuroatlas-elastix") : Files.createDirectories(settings.workFolder());
            ElastixRun run = new ElastixRun(backend, inputs, settings, work);
            Result r;
            try {
                r = run.execute(progress, start);
            } catch (CanceledException e) {
                if (temporary) {
                    AtomicFile.deleteRecursively(work); // nothing to look into after a cancel; after a failure the folder holds the log
                }
                throw e;
            }
            if (temporary) {
                AtomicFile.deleteRecursively(work);
            }
            return r;
        } catch (IOException e) {
            throw new InputException("elastix registration could not use its work folder " + work + " (" + e + "). Check the free space "
                    + "of the temporary folder (java.io.tmpdir)", e);
        }
    }

    /** The parameter files with the settings' values filled in, by file name. */
    static Map<String, String> parameterFiles(Settings s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ElastixParameters.AFFINE, ElastixParameters.with(ElastixParameters.resource(ElastixParameters.AFFINE),
                Map.of("Metric", s.metric().elastixName, "MaximumNumberOfIterations", Integer.toString(s.affineIterations()))));
        if (s.nonRigid()) {
            out.put(ElastixParameters.BSPLINE, ElastixParameters.with(ElastixParameters.resource(ElastixParameters.BSPLINE),
                    Map.of("Metric", s.metric().elastixName, "MaximumNumberOfIterations", Integer.toString(s.bsplineIterations()),
                            "FinalGridSpacingInPhysicalUnits", Double.toString(s.gridSpacingUm()))));
        }
        return out;
    }

    /** For figures on the initial pose. */
    static AffineMap initialPose(BackendInputs inputs) {
        return inputs.initialPose();
    }
}

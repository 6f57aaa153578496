package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.register.elastix.ElastixBackend;
import org.neuroatlas.core.register.elastix.ElastixRegistration;
import org.neuroatlas.core.volume.Volume;

/**
 * Registration of one sample as the CLI's {@code register} and the Atlas Registration node run it: prepare the
 * autofluorescence volume once, register it (built-in engine: linear stage only, or linear and non-rigid; or elastix), and write the registration
 * folder REGDIR: {@value LinearRegistration#TRANSFORM_FOLDER}/, {@value LinearRegistration#QUALITY_FILE} (with the
 * warped image's NCC added as {@code nccWarpedToAtlas}) and the images of {@link RegistrationImages}. One place, so
 * that both front ends write the same folder.
 */
public final class RegistrationRun {

    /** The Atlas Registration node's table: one row per registered sample. */
    public static final TableSchema SUMMARY = TableSchema.of(
            Column.string("sample_id", "Sample id"),
            Column.string("registration_dir", "Registration folder written for the sample (absolute path)"),
            Column.string("transform_dir", "Its transform folder (atlas µm -> sample µm), what mapping reads (absolute path)"),
            Column.string("atlas", "Atlas identity key the sample was registered to"),
            Column.real("ncc_before", "NCC of the template and the sample over the atlas brain with the initial guess (orientation code, centroids)"),
            Column.real("ncc_after", "The same after the last stage run (affine, or non-rigid)"),
            Column.real("jacobian_min", "Smallest Jacobian determinant of the warp (1 for a linear-only transform; <= 0 where it folds)"),
            Column.real("jacobian_max", "Largest Jacobian determinant of the warp (1 for a linear-only transform)"),
            Column.longInt("folds", "Grid nodes of the warp where it folds (Jacobian determinant <= 0); 0 is the goal"),
            Column.real("seconds", "Wall time of preparation and registration, s"));

    /** Which engine registers. */
    public enum Backend {
        /** The built-in Java engine: rigid → affine → demons, then refinement steps. */
        BUILTIN,
        /** elastix and transformix on the PATH, with our parameter files: affine → B-spline. */
        ELASTIX;

        /**
         * {@code builtin} or {@code elastix}, any case.
         *
         * @throws InputException naming {@code parameter} otherwise
         */
        public static Backend parse(String text, String parameter) {
            String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
            for (Backend b : values()) {
                if (b.name().equals(t)) {
                    return b;
                }
            }
            throw InputException.parameter(parameter, "'" + text + "' is not a registration backend", "Give builtin or elastix");
        }

        /** The name users type: {@code builtin}, {@code elastix}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param threads    threads (≥ 1); does not change the result
     * @param normalise  rescale the sample's intensities to robust percentiles before registering
     * @param linearOnly stop after the affine stage (no non-rigid stage; built-in engine only)
     * @param backend    which engine registers
     */
    public record Settings(int threads, boolean normalise, boolean linearOnly, Backend backend) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
            if (linearOnly && backend == Backend.ELASTIX) {
                throw InputException.parameter("--linear-only", "is an option of the built-in engine", "Leave it out with --backend elastix");
            }
        }

        /** The built-in engine, all stages, normalised intensities. */
        public static Settings defaults(int threads) {
            return new Settings(threads, true, false, Backend.BUILTIN);
        }
    }

    /**
     * What one registration gave.
     *
     * @param folder      the registration folder written
     * @param result      the backend's result
     * @param nccWarped   NCC of the written warped image with the template over the atlas brain
     * @param qualityJson what was written as {@value LinearRegistration#QUALITY_FILE}
     * @param seconds     wall time of preparation and registration, s
     */
    public record Outcome(Path folder, RegistrationOutcome result, double nccWarped, String qualityJson, double seconds) {

        /** The transform written (affine, or with displacement fields). */
        public AtlasTransform transform() {
            return result.transform();
        }

        /** NCC after the last stage run. */
        public double nccAfter() {
            return result.nccNonRigid();
        }

        /** The transform folder inside {@link #folder()}. */
        public Path transformFolder() {
            return folder.resolve(LinearRegistration.TRANSFORM_FOLDER);
        }

        /** What looks wrong with this registration (see {@link RegistrationRun#concerns}); empty if nothing. */
        public List<String> concerns() {
            return RegistrationRun.concerns(result.nccBefore(), nccAfter(), transform().quality().foldedNodes());
        }

        /** The row of {@link RegistrationRun#SUMMARY} for this sample (paths absolute). */
        public Object[] summaryRow(String sampleId) {
            TransformQuality q = transform().quality();
            return new Object[] {sampleId, folder.toAbsolutePath().toString(), transformFolder().toAbsolutePath().toString(),
                transform().atlasKey(), result.nccBefore(), nccAfter(), q.minJacobianDeterminant(), q.maxJacobianDeterminant(),
                q.foldedNodes(), seconds};
        }
    }

    private RegistrationRun() {
    }

    /** NCC changes smaller than this are noise of the optimiser, not a better or worse match. */
    private static final double NCC_TOLERANCE = 0.01;
    /** An initial pose this good leaves registration little to improve. */
    private static final double GOOD_START_NCC = 0.9;

    /**
     * Signs that a registration went wrong, worded for the user: the brain matches the template no better than in
     * its initial pose although that pose matched poorly (a wrong orientation code, or a brain far from the atlas), or
     * worse than it; or the warp folds (its Jacobian determinant is ≤ 0 somewhere, so cells there would map to the
     * wrong place). Either way the result may still be usable; the QC images tell. A brain already in place (NCC near 1
     * before) has nothing to gain, and is no concern.
     *
     * @param nccBefore   NCC with the initial pose
     * @param nccAfter    NCC after the last stage
     * @param foldedNodes grid nodes of the warp where it folds
     */
    public static List<String> concerns(double nccBefore, double nccAfter, long foldedNodes) {
        List<String> out = new ArrayList<>();
        boolean worse = !(nccAfter >= nccBefore - NCC_TOLERANCE);
        boolean stuck = !(nccAfter >= nccBefore + NCC_TOLERANCE) && nccBefore < GOOD_START_NCC;
        if (worse || stuck) {
            out.add(String.format(Locale.ROOT, "the match with the template did not improve (NCC %.3f before, %.3f after): check the orientation code",
                    nccBefore, nccAfter));
        }
        if (foldedNodes > 0) {
            out.add("the warp folds at " + foldedNodes + " grid node(s): cells there may map to the wrong region");
        }
        return out;
    }


    /**
     * Registers {@code autofluorescence} (which must carry its orientation code) to {@code atlas}'s template and
     * writes the registration folder {@code folder} (created; its files replaced, each written completely first,
     * {@value LinearRegistration#QUALITY_FILE} last). The images come from the prepared (downsampled) sample, so the
     * full-size volume is read only once.
     *
     * @throws InputException as {@link LinearRegistration#register}, if elastix is chosen but missing, or naming
     *                        {@code folder} if it cannot be written
     */
    public static Outcome run(Atlas atlas, Volume<?> autofluorescence, Settings settings, Path folder, Progress progress) {
        if (settings.backend() == Backend.ELASTIX) {
            ElastixBackend.require(); // before the minutes of preparation
        }
        LinearRegistration.Settings linearSettings = new LinearRegistration.Settings(settings.threads(), settings.normalise());
        // Preparation, optimisation and images take about 35 : 50 : 10 of the time with the linear stage alone.
        Progress prepareProgress = progress.slice(0, settings.linearOnly() ? 0.37 : 0.15);
        Progress registerProgress = progress.slice(settings.linearOnly() ? 0.37 : 0.15, 0.9);
        Progress imagesProgress = progress.slice(0.9, 1);
        long start = System.nanoTime();
        PreparedSample sample = LinearRegistration.prepare(atlas, autofluorescence, linearSettings, prepareProgress);
        RegistrationOutcome result = switch (settings.backend()) {
            case ELASTIX -> ElastixRegistration.register(atlas, sample,
                    ElastixRegistration.Settings.defaults(settings.threads()).withNormalise(settings.normalise()), registerProgress);
            case BUILTIN -> settings.linearOnly() ? LinearRegistration.register(atlas, sample, linearSettings, registerProgress)
                    : Registration.register(atlas, sample, Registration.Settings.defaults(settings.threads()).withNormalise(settings.normalise()),
                            registerProgress);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            result.save(folder);
            double warpedNcc = RegistrationImages.write(atlas, result.transform(), sample, folder, imagesProgress);
            String json = withFigure(withFigure(result.qualityJson(), "secondsWithPreparation", seconds), "nccWarpedToAtlas", warpedNcc);
            AtomicFile.write(folder.resolve(LinearRegistration.QUALITY_FILE), tmp -> Files.writeString(tmp, json));
            return new Outcome(folder, result, warpedNcc, json, seconds);
        } catch (IOException e) {
            throw InputException.file(folder, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
        }
    }

    /**
     * The registration folder of one sample of a cohort: {@code outputFolder/<sampleId>}.
     *
     * @throws InputException if the sample id cannot be a folder name (empty, {@code .}, {@code ..}, or holding a
     *                        path separator), so that no sample writes outside {@code outputFolder}
     */
    public static Path sampleFolder(Path outputFolder, String sampleId) {
        String id = sampleId.trim();
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("\\") || id.contains(java.io.File.separator)) {
            throw new InputException("sample id '" + sampleId + "' cannot name a registration folder. Use ids without path separators");
        }
        try {
            Path p = outputFolder.resolve(id).normalize();
            if (!outputFolder.normalize().equals(p.getParent())) {
                throw new InputException("sample id '" + sampleId + "' cannot name a registration folder. Use plain names such as brain01");
            }
            return p;
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException("sample id '" + sampleId + "' cannot name a registration folder (" + e.getReason() + "). Use plain names such as brain01", e);
        }
    }

    /** {@code json} (one object, as the results' {@code qualityJson()} write it) with one more number member. */
    static String withFigure(String json, String name, double value) {
        int end = json.lastIndexOf('}');
        return json.substring(0, end).stripTrailing() + ",\n  " + Json.quote(name) + ": " + Json.number(value) + "\n}\n";
    }
}

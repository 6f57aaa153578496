package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.LinearRegistration;
import org.neuroatlas.core.register.PreparedSample;
import org.neuroatlas.core.register.Registration;
import org.neuroatlas.core.register.RegistrationImages;
import org.neuroatlas.core.register.TransformQuality;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas register INPUT --atlas DIR|demo --out REGDIR}: a brain's autofluorescence to the atlas template. */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Register a brain's autofluorescence channel to the atlas template with the built-in Java engine and write "
                + "REGDIR: transform/ (atlas µm -> sample µm), quality.json (similarity figures), warped_to_atlas.nrrd (the "
                + "downsampled brain resampled onto the template's grid, Allen NRRD header layout), atlas_in_sample.nrrd (the "
                + "annotation carried into the downsampled brain's grid in its own axes, uint32, spacing in the header) and "
                + "qc_coronal.png, qc_sagittal.png, qc_horizontal.png (middle template slices in magenta with the warped brain in green).",
            "The volume is downsampled (streaming) to the template's voxel size, the initial pose comes from the orientation code and "
                    + "the brains' centroids, then a rigid and an affine map are fitted by maximising the normalised cross-correlation "
                    + "over the template's box on a 4x/2x/1x pyramid (the linear stage); then a smooth, fold-free displacement field on "
                    + "the template's grid is fitted by demons iterations (the non-rigid stage; --linear-only skips it).",
            "The result does not depend on --threads."})
final class RegisterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Autofluorescence volume: a TIFF file, a folder of TIFF planes, a .nrrd/.nhdr, "
            + "a BigDataViewer .xml/.h5 or an Imaris .ims. Its orientation code is required (--orientation, or from the file).")
    Path input;

    @Mixin
    VolumeOptions volume;

    @Option(names = "--atlas", required = true, paramLabel = "DIR|demo", description = "Atlas folder with a template image, or demo.")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--no-normalise", description = "Register the raw intensities instead of rescaling them to robust percentiles.")
    boolean noNormalise;

    @Option(names = "--linear-only", description = "Stop after the linear (rigid, affine) stage: the transform is purely affine.")
    boolean linearOnly;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); does not change the result.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "REGDIR", description = "Registration folder to write (created; the files "
            + "named above are replaced if present, each written completely before it replaces the old one).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        LinearRegistration.Settings settings = new LinearRegistration.Settings(n, !noNormalise);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder for the registration results");
        }
        Outcome result;
        double warpedNcc;
        ConsoleProgress progress = ConsoleProgress.stderr("register", quiet);
        try (Atlas a = atlasOptions.open(atlas, progress.slice(0, 0.05));
                Volume<?> v = Volumes.open(input, volume.toReadOptions())) {
            long start = System.nanoTime();
            PreparedSample sample = LinearRegistration.prepare(a, v, settings, progress.slice(0.05, 0.3));
            double prepared = (System.nanoTime() - start) / 1e9;
            // the reported time covers preparation and registration, as when registering a volume in one call
            result = linearOnly ? Outcome.of(LinearRegistration.register(a, sample, settings, progress.slice(0.3, 0.9)), prepared)
                    : Outcome.of(Registration.register(a, sample, Registration.Settings.defaults(n).withNormalise(!noNormalise),
                            progress.slice(0.3, 0.9)), prepared);
            try {
                result.transform().save(out.resolve(LinearRegistration.TRANSFORM_FOLDER));
                // The images come from the prepared sample, so the full-size volume is read only once.
                warpedNcc = RegistrationImages.write(a, result.transform(), sample, out, progress.slice(0.9, 1));
                String quality = withFigure(result.qualityJson(), "nccWarpedToAtlas", warpedNcc);
                AtomicFile.write(out.resolve(LinearRegistration.QUALITY_FILE), tmp -> Files.writeString(tmp, quality));
            } catch (IOException e) {
                throw InputException.file(out, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
            }
        } finally {
            progress.done();
        }
        print(spec.commandLine().getOut(), result, warpedNcc, out);
        return 0;
    }

    /**
     * What either stage list produced, for writing and printing.
     *
     * @param nccNonRigid NaN with {@code --linear-only}
     * @param seconds     preparation and registration, s
     */
    record Outcome(AtlasTransform transform, double nccBefore, double nccRigid, double nccAffine, double nccNonRigid, String qualityJson,
            double seconds) {

        static Outcome of(LinearRegistration.Result r, double preparedSeconds) {
            double s = r.seconds() + preparedSeconds;
            LinearRegistration.Result timed = new LinearRegistration.Result(r.transform(), r.nccBefore(), r.rigidNcc(), r.nccAfter(), s);
            return new Outcome(r.transform(), r.nccBefore(), r.rigidNcc(), r.nccAfter(), Double.NaN, timed.qualityJson(), s);
        }

        static Outcome of(Registration.Result r, double preparedSeconds) {
            double s = r.seconds() + preparedSeconds;
            Registration.Result timed = new Registration.Result(r.transform(), r.nccBefore(), r.nccLinear(), r.nccNonRigid(), r.linear(),
                    r.nonRigid(), s);
            return new Outcome(r.transform(), r.nccBefore(), r.linear().rigidNcc(), r.nccLinear(), r.nccNonRigid(), timed.qualityJson(), s);
        }
    }

    /** {@code json} (one object, as {@link LinearRegistration.Result#qualityJson()} writes it) with one more number member. */
    static String withFigure(String json, String name, double value) {
        int end = json.lastIndexOf('}');
        String number = Double.isFinite(value) ? Double.toString(value) : "null";
        return json.substring(0, end).stripTrailing() + ",\n  " + Json.quote(name) + ": " + number + "\n}\n";
    }

    static void print(PrintWriter w, Outcome r, double warpedNcc, Path out) {
        AffineMap m = r.transform().sampleSide();
        w.printf(Locale.ROOT, "sample:     %s%n", r.transform().sample());
        w.printf(Locale.ROOT, "atlas:      %s%n", r.transform().atlasKey());
        if (Double.isNaN(r.nccNonRigid())) {
            w.printf(Locale.ROOT, "NCC:        %.4f before, %.4f rigid, %.4f affine (over the atlas brain)%n", r.nccBefore(), r.nccRigid(),
                    r.nccAffine());
        } else {
            w.printf(Locale.ROOT, "NCC:        %.4f before, %.4f rigid, %.4f affine, %.4f non-rigid (over the atlas brain)%n", r.nccBefore(),
                    r.nccRigid(), r.nccAffine(), r.nccNonRigid());
        }
        w.printf(Locale.ROOT, "affine:     %s (determinant %.4f)%n", m, m.determinant());
        if (!r.transform().isAffine()) {
            TransformQuality q = r.transform().quality();
            w.printf(Locale.ROOT, "warp:       Jacobian determinant %.3f..%.3f, %d folded nodes, largest displacement %.1f µm%n",
                    q.minJacobianDeterminant(), q.maxJacobianDeterminant(), q.foldedNodes(), q.maxDisplacementUm());
        }
        w.printf(Locale.ROOT, "time:       %.1f s%n", r.seconds());
        w.printf(Locale.ROOT, "warped:     NCC %.4f with the template over the atlas brain (%s)%n", warpedNcc, RegistrationImages.WARPED_FILE);
        w.printf(Locale.ROOT, "wrote %s: %s/, %s, %s, %s, %s%n", out, LinearRegistration.TRANSFORM_FOLDER, LinearRegistration.QUALITY_FILE,
                RegistrationImages.WARPED_FILE, RegistrationImages.ATLAS_IN_SAMPLE_FILE, String.join(", ", RegistrationImages.QC_FILES));
        w.flush();
    }
}

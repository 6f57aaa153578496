package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.LinearRegistration;
import org.neuroatlas.core.register.RegistrationImages;
import org.neuroatlas.core.register.RegistrationRun;
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
            "For now this is the linear stage only: the volume is downsampled (streaming) to the template's voxel size, the initial pose "
                    + "comes from the orientation code and the brains' centroids, then a rigid and an affine map are fitted by maximising "
                    + "the normalised cross-correlation over the template's box on a 4x/2x/1x pyramid. The non-rigid stage and the "
                    + "elastix backend are not there yet.",
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
        LinearRegistration.Settings settings = new LinearRegistration.Settings(
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, !noNormalise);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder for the registration results");
        }
        LinearRegistration.Result result;
        double warpedNcc;
        ConsoleProgress progress = ConsoleProgress.stderr("register", quiet);
        try (Atlas a = atlasOptions.open(atlas, progress.slice(0, 0.05));
                Volume<?> v = Volumes.open(input, volume.toReadOptions())) {
            // Linear stage only for now; RegistrationRun writes REGDIR as the Atlas Registration node does.
            RegistrationRun.Outcome o = RegistrationRun.run(a, v, new RegistrationRun.Settings(settings.threads(), settings.normalise(), true), out,
                    progress.slice(0.05, 1));
            result = o.linear();
            warpedNcc = o.nccWarped();
        } finally {
            progress.done();
        }
        print(spec.commandLine().getOut(), result, warpedNcc, out);
        return 0;
    }

    static void print(PrintWriter w, LinearRegistration.Result r, double warpedNcc, Path out) {
        AffineMap m = r.transform().sampleSide();
        w.printf(Locale.ROOT, "sample:     %s%n", r.transform().sample());
        w.printf(Locale.ROOT, "atlas:      %s%n", r.transform().atlasKey());
        w.printf(Locale.ROOT, "NCC:        %.4f before, %.4f rigid, %.4f affine (over the atlas brain)%n", r.nccBefore(), r.rigidNcc(), r.nccAfter());
        w.printf(Locale.ROOT, "affine:     %s (determinant %.4f)%n", m, m.determinant());
        w.printf(Locale.ROOT, "time:       %.1f s%n", r.seconds());
        w.printf(Locale.ROOT, "warped:     NCC %.4f with the template over the atlas brain (%s)%n", warpedNcc, RegistrationImages.WARPED_FILE);
        w.printf(Locale.ROOT, "wrote %s: %s/, %s, %s, %s, %s%n", out, LinearRegistration.TRANSFORM_FOLDER, LinearRegistration.QUALITY_FILE,
                RegistrationImages.WARPED_FILE, RegistrationImages.ATLAS_IN_SAMPLE_FILE, String.join(", ", RegistrationImages.QC_FILES));
        w.flush();
    }
}

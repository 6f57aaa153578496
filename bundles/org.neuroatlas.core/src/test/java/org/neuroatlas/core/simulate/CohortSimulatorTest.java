package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The simulator's ground truth checked against the images it wrote: on the demo atlas, a crop around the right SNc
 * and VTA of three brains (one per ketamine group).
 */
class CohortSimulatorTest {

    /** Atlas µm around the demo atlas's right SNc / VTA (x = AP, y = DV, z = LR). */
    static final String CROP = "box:8000,4400,4300,8700,5100,5000";

    @TempDir
    static Path dir;
    static CohortSimulator.Cohort cohort;

    static SimulationSettings settings(String crop, int threads) {
        return new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(5, 5, 5), Orientation.parse("psl", "o"), 7, crop,
                1, true, threads);
    }

    @BeforeAll
    static void simulate() throws IOException {
        cohort = CohortSimulator.run(settings(CROP, 2), dir.resolve("cohort"), Progress.NONE);
    }

    @Test
    void writesTheDocumentedLayoutAndAReadableSampleSheet() throws IOException {
        Path c = cohort.folder();
        for (String f : List.of("samples.csv", "ground_truth_regions.csv", "scenario.json", "cohort.json")) {
            assertTrue(Files.isRegularFile(c.resolve(f)), f);
        }
        SampleSheet sheet = SampleSheet.read(c.resolve("samples.csv"));
        assertEquals(List.of("saline_01", "ketamine-30_01", "ketamine-100_01"), sheet.samples().stream().map(s -> s.sampleId()).toList());
        assertEquals(List.of(0.0, 30.0, 100.0), sheet.samples().stream().map(s -> s.doseMgKg()).toList());
        var s = sheet.samples().get(0);
        assertEquals(new VoxelSize(5, 5, 5), s.voxelSizeUm().orElseThrow());
        assertEquals("psl", s.orientation().orElseThrow().code());
        try (Volume<?> signal = Volumes.open(s.channels().get("signal"), ReadOptions.defaults());
                Volume<?> auto = Volumes.open(s.channels().get("autofluorescence"), ReadOptions.defaults())) {
            CohortSimulator.BrainSummary b = cohort.brains().get(0);
            assertArrayEquals(b.dimensions(), signal.dimensions());
            assertArrayEquals(b.dimensions(), auto.dimensions());
            assertEquals(new VoxelSize(5, 5, 5), signal.voxelSizeUm());
        }
        AtlasTransform t = AtlasTransform.load(c.resolve("saline_01/transform"));
        assertArrayEquals(cohort.brains().get(0).dimensions(), t.sample().dimensions());
        assertTrue(t.atlasKey().startsWith("neuroatlas-demo@1/100um#"), t.atlasKey());
    }

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheThreadCount() throws IOException {
        CohortSimulator.run(settings(CROP, 1), dir.resolve("again"), Progress.NONE);
        assertEquals(checksums(cohort.folder()), checksums(dir.resolve("again")));
        // and a different seed gives different images (so the comparison above can fail)
        SimulationSettings s = settings(CROP, 2);
        SimulationSettings other = new SimulationSettings(s.atlas(), s.atlasResolutionUm(), s.scenario(), 1, s.voxelSizeUm(), s.orientation(), 8, CROP, 1,
                true, 2);
        CohortSimulator.run(other, dir.resolve("other"), Progress.NONE);
        assertNotEquals(checksums(cohort.folder()).get("saline_01/signal/signal_00010.tif"),
                checksums(dir.resolve("other")).get("saline_01/signal/signal_00010.tif"));
    }

    @Test
    void aCropHoldsExactlyTheVoxelsOfALargerCropThere() throws IOException {
        String inner = "box:8200,4600,4500,8500,4900,4800";
        CohortSimulator.Cohort small = CohortSimulator.run(settings(inner, 2), dir.resolve("inner"), Progress.NONE);
        for (int b = 0; b < 3; b++) {
            CohortSimulator.BrainSummary big = cohort.brains().get(b);
            CohortSimulator.BrainSummary part = small.brains().get(b);
            long[] offset = new long[3];
            for (int d = 0; d < 3; d++) {
                offset[d] = part.origin()[d] - big.origin()[d];
                assertTrue(offset[d] >= 0 && offset[d] + part.dimensions()[d] <= big.dimensions()[d], "inner crop inside the outer one");
            }
            for (String channel : List.of("signal", "autofluorescence")) {
                try (Volume<?> whole = Volumes.open(cohort.folder().resolve(big.sampleId()).resolve(channel), ReadOptions.defaults());
                        Volume<?> crop = Volumes.open(small.folder().resolve(part.sampleId()).resolve(channel), ReadOptions.defaults())) {
                    for (long z = 0; z < crop.sizeZ(); z += 7) {
                        short[] a = (short[]) VolumeBlocks.readPlane(crop, z);
                        short[] w = (short[]) VolumeBlocks.readPlane(whole, z + offset[2]);
                        for (int y = 0; y < crop.sizeY(); y++) {
                            for (int x = 0; x < crop.sizeX(); x++) {
                                int i = (int) ((y + offset[1]) * whole.sizeX() + x + offset[0]);
                                if (a[(int) (y * crop.sizeX() + x)] != w[i]) {
                                    throw new AssertionError(channel + " differs at crop voxel " + x + "," + y + "," + z + " of " + part.sampleId());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBlobIsPresentAtEveryTrueCellAndNotElsewhere() throws IOException {
        Path brain = cohort.folder().resolve("saline_01");
        CsvTable cells = CsvTable.read(brain.resolve("cells.csv"));
        assertTrue(cells.size() > 200, "cells in the crop: " + cells.size());
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
            Map<Long, short[]> planes = new HashMap<>();
            VoxelSize v = signal.voxelSizeUm();
            int bright = 0;
            List<double[]> centres = new ArrayList<>();
            for (int r = 0; r < cells.size(); r++) {
                double[] p = {number(cells, r, "x_um"), number(cells, r, "y_um"), number(cells, r, "z_um")};
                centres.add(p);
                double brightness = number(cells, r, "brightness");
                // The camera adds an offset of 100; background tissue is below ~140 counts, a soma's centre adds its brightness.
                bright += value(signal, planes, p, v) - BrainRenderer.CAMERA_OFFSET >= 0.5 * brightness ? 1 : 0;
            }
            assertTrue(bright >= 0.98 * cells.size(), bright + " of " + cells.size() + " cells are bright at their centre");
            // Control: points at least 30 µm from every cell are rarely that bright.
            int tested = 0;
            int falseBright = 0;
            DeterministicRandom rnd = DeterministicRandom.of(3);
            while (tested < 500) {
                double[] p = new double[3];
                for (int d = 0; d < 3; d++) {
                    p[d] = rnd.nextDouble() * (signal.dimensions()[d] - 1) * v.um(d);
                }
                if (centres.stream().anyMatch(c -> Math.pow(c[0] - p[0], 2) + Math.pow(c[1] - p[1], 2) + Math.pow(c[2] - p[2], 2) < 30 * 30)) {
                    continue;
                }
                tested++;
                falseBright += value(signal, planes, p, v) - BrainRenderer.CAMERA_OFFSET >= 0.5 * CellPlacement.MEDIAN_BRIGHTNESS ? 1 : 0;
            }
            assertTrue(falseBright < 10, falseBright + " of 500 cell-free points look like cells");
        }
    }

    private static double number(CsvTable t, int row, String column) {
        return Double.parseDouble(t.get(row, column));
    }

    private static int value(Volume<?> v, Map<Long, short[]> planes, double[] um, VoxelSize voxel) {
        long x = Math.round(um[0] / voxel.xUm());
        long y = Math.round(um[1] / voxel.yUm());
        long z = Math.round(um[2] / voxel.zUm());
        short[] plane = planes.computeIfAbsent(z, k -> (short[]) VolumeBlocks.readPlane(v, k));
        return Short.toUnsignedInt(plane[(int) (y * v.sizeX() + x)]);
    }

    @Test
    void cellCountsFollowTheScenarioAndTheCellsTableMatchesTheRegionTable() throws IOException {
        // Without between-animal variation, a region's count is Poisson(density × volume).
        Scenario ketamine = Scenario.load("ketamine");
        Path file = dir.resolve("no-variation.json");
        Files.writeString(file, ketamine.sourceText().replace("\"animal_cv\": 0.10", "\"animal_cv\": 0"));
        Scenario fixed = Scenario.load(file.toString());
        assertEquals(0, fixed.animalCv());
        CohortSimulator.Cohort c = CohortSimulator.run(settings("box:8200,4600,4500,8500,4900,4800", 2), fixed, dir.resolve("counts"), Progress.NONE);
        Map<String, String[]> both = new HashMap<>();
        for (Object[] r : c.regionTruth()) {
            if ("both".equals(r[5])) {
                both.put(r[0] + "/" + r[4], java.util.Arrays.stream(r).map(String::valueOf).toArray(String[]::new));
            }
        }
        for (String group : List.of("saline", "ketamine-30", "ketamine-100")) {
            for (Scenario.RegionEntry e : fixed.regions()) {
                String[] row = both.get(group + "_01/" + e.acronym());
                if (row == null || e.cellsPerMm3() < 1000) {
                    continue; // regions the demo atlas lacks, and sparse ones with too few cells to test
                }
                double expected = e.cellsPerMm3() * e.cellEffects().getOrDefault(group, 1.0) * Double.parseDouble(row[6]);
                long observed = Long.parseLong(row[7]);
                assertTrue(Math.abs(observed - expected) < 4 * Math.sqrt(expected) + 1,
                        group + " " + e.acronym() + ": " + observed + " cells, expected " + expected);
            }
        }
        // The midbrain loses cells with dose, as the scenario says.
        long saline = Long.parseLong(both.get("saline_01/VTA")[7]);
        long high = Long.parseLong(both.get("ketamine-100_01/VTA")[7]);
        assertEquals(0.70, high / (double) saline, 0.05);
        // cells.csv lists exactly the cells the region table counts as in the image
        Map<String, Long> perRegion = new TreeMap<>();
        CsvTable cells = CsvTable.read(c.folder().resolve("saline_01/cells.csv"));
        for (int r = 0; r < cells.size(); r++) {
            perRegion.merge(cells.get(r, "acronym"), 1L, Long::sum);
        }
        assertTrue(!perRegion.isEmpty());
        int compared = 0;
        for (Object[] r : c.regionTruth()) {
            // Where all of a region's cells are its own (none in descendants), cells.csv's count by acronym must match.
            if ("saline_01".equals(r[0]) && "both".equals(r[5]) && r[8].equals(r[7])) {
                assertEquals(perRegion.getOrDefault((String) r[4], 0L), (Long) r[10], "cells in image of " + r[4]);
                compared += (Long) r[10] > 0 ? 1 : 0;
            }
        }
        assertTrue(compared >= 2, "regions with cells in the image compared: " + compared);
    }

    @Test
    void autofluorescenceWarpedBackWithTheTrueTransformCorrelatesWithTheTemplate() throws IOException {
        try (Atlas atlas = Atlas.demo(100, Progress.NONE)) {
            Volume<?> template = atlas.template().orElseThrow();
            Path brain = cohort.folder().resolve("saline_01");
            AtlasTransform truth = AtlasTransform.load(brain.resolve("transform"));
            AtlasTransform wrong = AtlasTransform.load(cohort.folder().resolve("ketamine-30_01/transform"));
            double right = correlation(brain.resolve("autofluorescence"), truth, template);
            double other = correlation(brain.resolve("autofluorescence"), wrong, template);
            System.out.printf("autofluorescence vs template: r = %.3f with the true transform, %.3f with another brain's%n", right, other);
            assertTrue(right > 0.85, "correlation with the true transform: " + right);
            assertTrue(other < right - 0.2, "correlation with another brain's transform: " + other + " vs " + right);
        }
    }

    @Test
    void withoutATemplateTheAutofluorescenceIsARegionTextureAndAnyOrientationWorks() throws IOException {
        Path folder = dir.resolve("atlas-without-template");
        try (Atlas demo = Atlas.demo(100, Progress.NONE)) {
            org.neuroatlas.core.atlas.AtlasWriter.writeAllenLayout(demo, folder, Progress.NONE);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("average_template")).toList()) {
                Files.delete(f);
            }
        }
        SimulationSettings s = new SimulationSettings(folder.toString(), OptionalDouble.empty(), "null", 1, new VoxelSize(5, 5, 5),
                Orientation.parse("asr", "o"), 7, CROP, 0.2, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, dir.resolve("no-template"), Progress.NONE);
        Path brain = c.folder().resolve("saline_01");
        AtlasTransform truth = AtlasTransform.load(brain.resolve("transform"));
        assertEquals("asr", truth.sample().orientation().code());
        try (Atlas atlas = Atlas.open(folder, OptionalDouble.empty(), Progress.NONE)) {
            assertTrue(atlas.template().isEmpty());
            // The expected texture on the atlas grid, as a volume: each region its own grey level.
            AtlasRaster raster = new AtlasRaster(atlas);
            int[] d = raster.dims();
            VoxelSize v = raster.voxelUm();
            net.imglib2.img.array.ArrayImg<net.imglib2.type.numeric.real.FloatType, ?> img = net.imglib2.img.array.ArrayImgs.floats(d[0], d[1], d[2]);
            var cursor = img.localizingCursor();
            while (cursor.hasNext()) {
                cursor.fwd();
                cursor.get().set(raster.tissue(cursor.getIntPosition(0) * v.xUm(), cursor.getIntPosition(1) * v.yUm(), cursor.getIntPosition(2) * v.zUm()));
            }
            Volume<?> texture = Volume.of(img, v, org.neuroatlas.core.volume.PixelType.FLOAT32, "texture");
            double right = correlation(brain.resolve("autofluorescence"), truth, texture);
            double other = correlation(brain.resolve("autofluorescence"), AtlasTransform.load(c.folder().resolve("ketamine-30_01/transform")), texture);
            assertTrue(right > 0.85 && other < right - 0.2, "region texture vs autofluorescence: r = " + right + " (another brain's transform: " + other + ")");
        }
    }

    /** Pearson correlation between template voxels and the sample voxel each maps to (over those inside the volume). */
    private static double correlation(Path autofluorescence, AtlasTransform t, Volume<?> template) throws IOException {
        try (Volume<?> auto = Volumes.open(autofluorescence, ReadOptions.defaults())) {
            Map<Long, short[]> planes = new HashMap<>();
            VoxelSize tv = template.voxelSizeUm();
            VoxelSize sv = auto.voxelSizeUm();
            List<double[]> pairs = new ArrayList<>();
            double[] out = new double[3];
            for (long z = 0; z < template.sizeZ(); z++) {
                Object plane = VolumeBlocks.readPlane(template, z);
                for (long y = 0; y < template.sizeY(); y++) {
                    for (long x = 0; x < template.sizeX(); x++) {
                        t.atlasToSample(new double[] {x * tv.xUm(), y * tv.yUm(), z * tv.zUm()}, out);
                        long[] i = {Math.round(out[0] / sv.xUm()), Math.round(out[1] / sv.yUm()), Math.round(out[2] / sv.zUm())};
                        if (i[0] < 0 || i[1] < 0 || i[2] < 0 || i[0] >= auto.sizeX() || i[1] >= auto.sizeY() || i[2] >= auto.sizeZ()) {
                            continue;
                        }
                        // The mean of the 5 × 5 × 5 voxels around it: the camera noise of one voxel would hide the template's contrast.
                        double sum = 0;
                        int n = 0;
                        for (long dz = Math.max(0, i[2] - 2); dz <= Math.min(auto.sizeZ() - 1, i[2] + 2); dz++) {
                            short[] p = planes.computeIfAbsent(dz, k -> (short[]) VolumeBlocks.readPlane(auto, k));
                            for (long dy = Math.max(0, i[1] - 2); dy <= Math.min(auto.sizeY() - 1, i[1] + 2); dy++) {
                                for (long dx = Math.max(0, i[0] - 2); dx <= Math.min(auto.sizeX() - 1, i[0] + 2); dx++) {
                                    sum += Short.toUnsignedInt(p[(int) (dy * auto.sizeX() + dx)]);
                                    n++;
                                }
                            }
                        }
                        pairs.add(new double[] {template.pixelType().get(plane, (int) (y * template.sizeX() + x)), sum / n});
                    }
                }
            }
            assertTrue(pairs.size() > 100, "atlas voxels inside the crop: " + pairs.size());
            double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (double[] p : pairs) {
                sab += (p[0] - ma) * (p[1] - mb);
                saa += (p[0] - ma) * (p[0] - ma);
                sbb += (p[1] - mb) * (p[1] - mb);
            }
            return sab / Math.sqrt(saa * sbb);
        }
    }

    @Test
    void refusesToReplaceAFolderItDidNotWriteAndNamesUnknownRegions() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("my-data"));
        Files.writeString(mine.resolve("important.txt"), "keep me");
        InputException e = assertThrows(InputException.class, () -> CohortSimulator.run(settings(CROP, 1), mine, Progress.NONE));
        assertTrue(e.getMessage().contains("not an earlier simulated cohort"), e.getMessage());
        assertTrue(Files.exists(mine.resolve("important.txt")));
        InputException crop = assertThrows(InputException.class, () -> CohortSimulator.run(settings("VTX", 1), dir.resolve("x"), Progress.NONE));
        assertTrue(crop.getMessage().contains("--crop"), crop.getMessage());
        assertTrue(!Files.exists(dir.resolve("x")));
    }

    static Map<String, String> checksums(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.neuroatlas.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.cli.NeuroAtlasCli;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.GroundTruth;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Mapping the true cells of a simulated saline brain (demo atlas, VTA crop, 5 µm voxels, posed and warped) through
 * the true transform must give back what the simulator placed: atlas positions, regions, hemispheres and the
 * per-region counts of ground_truth_regions.csv. Figures are printed.
 */
class CellMappingTest {

    @TempDir
    static Path dir;
    static Path brain;
    static Path cohortFolder;
    static Atlas atlas;
    static CsvTable truth;
    static List<MappedCell> mapped;
    static List<Object[]> counts;

    @BeforeAll
    static void simulateAndMap() throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(5, 5, 5),
                Orientation.parse("psl", "o"), 1, "VTA", 1, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        cohortFolder = c.folder();
        brain = c.folder().resolve(c.brains().get(0).sampleId());
        atlas = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE);
        truth = CsvTable.read(brain.resolve(CohortSimulator.CELLS));
        Path transformFolder = brain.resolve(CohortSimulator.TRANSFORM);
        CellMapper mapper = CellMapper.of(atlas, AtlasTransform.load(transformFolder), transformFolder);
        mapped = mapper.map(CellPositions.from(truth), Progress.NONE);
        counts = RegionCounts.rows(sampleId(), atlas.identity().key(), mapped, atlas.ontology(), RegionVolumes.measure(atlas, Progress.NONE),
                List.of());
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    static String sampleId() {
        return brain.getFileName().toString();
    }

    @Test
    void trueCellsMapBackToTheirAtlasPositionsRegionsAndHemispheres() {
        int n = truth.size();
        assertTrue(n > 1000, "cells in the crop: " + n);
        assertEquals(n, mapped.size());
        double[] error = new double[n];
        int sameRegion = 0;
        int sameSide = 0;
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MappedCell m = mapped.get(i);
            double dx = m.atlasXUm() - truth.getDouble(i, "atlas_x_um", false);
            double dy = m.atlasYUm() - truth.getDouble(i, "atlas_y_um", false);
            double dz = m.atlasZUm() - truth.getDouble(i, "atlas_z_um", false);
            error[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            boolean region = m.regionId() == Integer.parseInt(truth.get(i, "region_id"));
            boolean side = m.hemisphere() != null && m.hemisphere().label().equals(truth.get(i, "hemisphere"));
            sameRegion += region ? 1 : 0;
            sameSide += side ? 1 : 0;
            if ((!region || !side) && differing.size() < 5) {
                differing.add("cell " + truth.get(i, "cell_id") + " " + m + " vs " + truth.get(i, "region_id") + "/" + truth.get(i, "hemisphere"));
            }
        }
        double[] sorted = error.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        double max = sorted[n - 1];
        System.out.printf("mapping %d true cells: atlas position error median %.2e µm, max %.2e µm (atlas voxel %s µm); region agrees for %d "
                + "(%.3f %%), hemisphere for %d (%.3f %%)%s%n", n, median, max, atlas.voxelSizeUm(), sameRegion, 100.0 * sameRegion / n, sameSide,
                100.0 * sameSide / n, differing.isEmpty() ? "" : "; differing: " + differing);
        assertTrue(median < 0.01 * atlas.voxelSizeUm().xUm(), "median error " + median);
        assertTrue(sameRegion >= 0.99 * n, sameRegion + " of " + n);
        assertTrue(sameSide >= 0.99 * n, sameSide + " of " + n);
        assertTrue(mapped.stream().allMatch(MappedCell::inBrain), "every true cell lies in a labelled voxel");
    }

    @Test
    void regionCountsEqualTheGroundTruthOfTheImagedCells() {
        CsvTable regions = CsvTable.read(cohortFolder.resolve(CohortSimulator.REGION_TRUTH));
        regions.requireColumns(GroundTruth.REGIONS.names());
        Map<String, Object[]> byKey = new HashMap<>();
        for (Object[] r : counts) {
            byKey.put(r[2] + "/" + r[6], r);
        }
        int compared = 0;
        int differ = 0;
        long cellsDiff = 0;
        for (int i = 0; i < regions.size(); i++) {
            if (!regions.get(i, "sample_id").equals(sampleId())) {
                continue;
            }
            long expected = Long.parseLong(regions.get(i, "cells_in_image"));
            Object[] row = byKey.get(regions.get(i, "region_id") + "/" + regions.get(i, "hemisphere"));
            long got = row == null ? 0 : (Long) row[8];
            if (row != null) {
                // The volumes come from the same atlas, counted by the simulator's raster and by RegionVolumes.
                double v = Double.parseDouble(regions.get(i, "region_volume_mm3"));
                assertEquals(v, (Double) row[9], 1e-9 * v, "volume of " + regions.get(i, "acronym"));
                assertEquals(regions.get(i, "atlas"), row[1]);
            }
            compared += expected > 0 || row != null ? 1 : 0;
            if (got != expected) {
                differ++;
                cellsDiff += Math.abs(got - expected);
            }
        }
        System.out.printf("region counts: %d region x hemisphere rows with cells compared with cells_in_image, %d differ (%d cells)%n", compared,
                differ, cellsDiff);
        assertTrue(compared > 10, "compared " + compared);
        assertEquals(0, differ, "rows whose count differs from cells_in_image");
        Object[] vta = byKey.get(atlas.ontology().require("VTA", "test").id() + "/both");
        assertTrue((Long) vta[8] > 100, Arrays.toString(vta));
    }

    @Test
    void countsRollUpOverChildrenAndHemispheres() {
        Ontology o = atlas.ontology();
        Map<String, Object[]> byKey = new HashMap<>();
        for (Object[] r : counts) {
            byKey.put(r[2] + "/" + r[6], r);
        }
        int parents = 0;
        for (Object[] r : counts) {
            Structure s = o.require((Integer) r[2]);
            long children = 0;
            for (Structure c : o.children(s)) {
                Object[] cr = byKey.get(c.id() + "/" + r[6]);
                children += cr == null ? 0 : (Long) cr[8];
            }
            assertEquals((Long) r[8], (Long) r[7] + children, "count of " + s.acronym() + " " + r[6]);
            parents += children > 0 ? 1 : 0;
            if (r[6].equals(RegionCounts.BOTH)) {
                Object[] l = byKey.get(s.id() + "/left");
                Object[] rt = byKey.get(s.id() + "/right");
                assertEquals((Long) r[7], (Long) l[7] + (Long) rt[7], "own, " + s.acronym());
                assertEquals((Long) r[8], (Long) l[8] + (Long) rt[8], "count, " + s.acronym());
                assertEquals((Double) r[9], (Double) l[9] + (Double) rt[9], 1e-12, "volume, " + s.acronym());
            }
            RegionCountsTest.checkDensity(r);
        }
        assertTrue(parents > 3, "parents with counted children: " + parents);
        assertEquals(o.root().id(), counts.get(0)[2], "ontology order: the root first");
        assertEquals(List.of("left", "right", "both"), List.of(counts.get(0)[6], counts.get(1)[6], counts.get(2)[6]));
        assertEquals((long) truth.size(), counts.get(2)[8], "every cell is counted at the root");
    }

    /**
     * The registration's share of a count error, as the register benchmark prints it: none with the true transform;
     * with the true transform shifted by 60 µm in the atlas, every cell lands 60 µm off and the counts of the small
     * nuclei move by the cells crossing their boundaries.
     */
    @Test
    void countAccuracyIsZeroWithTheTrueTransformAndMeasuresAShiftedOne() throws IOException {
        Path folder = brain.resolve(CohortSimulator.TRANSFORM);
        AtlasTransform trueTransform = AtlasTransform.load(folder);
        List<String> regions = List.of("VTA", "SNc");
        List<RegionCountAccuracy> exact = RegionCountAccuracy.measure(atlas, trueTransform, folder, truth, regions, Progress.NONE);
        for (RegionCountAccuracy c : exact) {
            long expected = countWithin(c.acronym());
            assertTrue(expected > 50, c.toString());
            assertEquals(expected, c.trueCount(), c.acronym());
            assertTrue(c.lost() + c.gained() <= expected / 200, c.toString());
            assertTrue(c.medianErrorUm() < 0.01, c.toString());
        }
        AffineMap shift = AffineMap.translation(0, 60, 0).andThen(trueTransform.sampleSide());
        AtlasTransform shifted = AtlasTransform.of(shift, trueTransform.displacement().orElseThrow(), trueTransform.atlasKey(), trueTransform.sample());
        List<RegionCountAccuracy> off = RegionCountAccuracy.measure(atlas, shifted, folder, truth, regions, Progress.NONE);
        System.out.println("true cells mapped with the true transform: " + exact + "; shifted by 60 µm along DV: " + off);
        for (int i = 0; i < regions.size(); i++) {
            RegionCountAccuracy c = off.get(i);
            assertEquals(exact.get(i).trueCount(), c.trueCount());
            assertEquals(60, c.medianErrorUm(), 10, c.toString());
            assertTrue(c.lost() > c.trueCount() / 20, c.toString());
            assertEquals(c.trueCount() - c.lost() + c.gained(), c.mappedCount(), c.toString());
            assertEquals((double) c.mappedCount() / c.trueCount() - 1, c.relativeError(), 1e-12);
        }
    }

    private static long countWithin(String acronym) {
        Ontology o = atlas.ontology();
        Structure region = o.require(acronym, "test");
        long n = 0;
        for (int i = 0; i < truth.size(); i++) {
            Structure s = o.require(Integer.parseInt(truth.get(i, "region_id")));
            n += s.equals(region) || o.isAncestorOf(region, s) ? 1 : 0;
        }
        return n;
    }

    /** The CLI on the simulated brain's own folder and cells.csv: true region columns replaced, counts as the engine's. */
    @Test
    void theMapCommandOnASimulatedBrainWritesTheEnginesTables() {
        Path out = dir.resolve("map/mapped.csv");
        Path countsFile = dir.resolve("map/counts.csv");
        int exit = NeuroAtlasCli.run("map", "--cells", brain.resolve(CohortSimulator.CELLS).toString(), "--registration", brain.toString(), "--atlas",
                "demo", "--out", out.toString(), "--counts", countsFile.toString(), "--quiet");
        assertEquals(0, exit);
        CsvTable m = CsvTable.read(out);
        assertEquals(truth.size(), m.size());
        assertEquals(m.header().size(), Set.copyOf(m.header()).size(), "no repeated columns: " + m.header());
        assertTrue(m.header().containsAll(truth.header()), m.header().toString());
        for (int i = 0; i < m.size(); i += 97) {
            assertEquals(truth.get(i, "region_id"), m.get(i, "region_id"), "cell " + i);
            assertEquals(truth.get(i, "cell_id"), m.get(i, "cell_id"));
        }
        CsvTable c = CsvTable.read(countsFile);
        assertEquals(counts.size(), c.size());
        for (int i = 0; i < c.size(); i++) {
            Object[] r = counts.get(i);
            assertEquals(sampleId(), c.get(i, "sample_id"), "the cells' own sample_id");
            assertEquals(String.valueOf(r[2]), c.get(i, "region_id"));
            assertEquals(String.valueOf(r[6]), c.get(i, "hemisphere"));
            assertEquals(String.valueOf(r[8]), c.get(i, "count"));
        }
    }
}

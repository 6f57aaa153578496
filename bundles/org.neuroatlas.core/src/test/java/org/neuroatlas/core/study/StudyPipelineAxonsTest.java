package org.neuroatlas.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The pipeline with fibres on a small simulated ketamine cohort, imaged as the demo images it (whole brains' autofluorescence
 * at 50 µm; the stained channel at 2 µm, here a 60 µm box inside the prelimbic area PL with its margin, with fibres;
 * saline and ketamine-100, 2 brains each; linear registration to the demo atlas at 200 µm): a run without fibres, then the same folder with fibres
 * (only the fibre step runs), then again (nothing runs). Checks every fibre table's columns and the direction and
 * size of the simulated fibre increase in PL against the simulator's rendered truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudyPipelineAxonsTest {

    /** A 60 µm box in the demo atlas's PL (atlas µm: AP, DV, LR), away from its borders. */
    static final String PL_BOX = "box:3770,2770,4970,3830,2830,5030";
    static final int THREADS = 2;
    static final FibreStep FIBRES = new FibreStep(FibreSettings.defaults().withThreads(THREADS), false);

    @TempDir
    static Path dir;
    static DemoCohort.Cohort cohort;
    static Atlas atlas;
    static Path out;

    @BeforeAll
    static void simulate() throws Exception {
        // Few cells: PL has almost none, and the cells elsewhere only cost time.
        DemoCohort.Imaging imaging = new DemoCohort.Imaging(DemoCohort.WHOLE_BRAIN_VOXEL_UM, PL_BOX, true, 0.1);
        cohort = DemoCohort.simulate(new DemoCohort.Settings("demo", OptionalDouble.of(200), ketamineWithoutMiddleDose(), 2, new VoxelSize(2, 2, 2), 7,
                THREADS), imaging, dir.resolve("simulated"), Progress.NONE);
        atlas = Atlas.demo(200, Progress.NONE);
        out = dir.resolve("run");
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    /**
     * The built-in ketamine scenario without its 30 mg/kg group, as a file: two groups of two brains are the fewest the
     * statistics take, and a third group would add half the test's time.
     */
    private static String ketamineWithoutMiddleDose() throws Exception {
        String text;
        try (InputStream in = Scenario.class.getResourceAsStream("ketamine.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String twoGroups = text.replaceAll("\\{\"name\": \"ketamine-30\"[^}]*\\},\\s*", "").replaceAll("\"ketamine-30\": [0-9.]+,\\s*", "");
        assertFalse(twoGroups.contains("\"ketamine-30\""), twoGroups);
        Path file = dir.resolve("ketamine-two-groups.json");
        Files.writeString(file, twoGroups);
        return file.toString();
    }

    private static StudyPipeline.CohortResult run(FibreStep axons) throws Exception {
        RegistrationRun.Settings linear = new RegistrationRun.Settings(THREADS, true, true, RegistrationRun.Backend.BUILTIN);
        StatsSettings stats = StatsSettings.defaults("saline").withMinN(2);
        return StudyPipeline.run(atlas, cohort.inputs(), cohort.sheet(), cohort.sheetFile(), DetectionSettings.defaults().withThreads(THREADS), linear,
                axons, stats, Map.of(), out, Progress.NONE);
    }

    @Test
    @Order(1)
    void withoutFibresNoFibreTablesAreWritten() throws Exception {
        StudyPipeline.CohortResult r = run(null);
        assertTrue(r.samples().failed().isEmpty(), r.samples().failed().toString());
        assertNull(r.axons());
        assertNull(r.samples().axonTable());
        assertFalse(Files.exists(out.resolve(StudyPipeline.COHORT_AXONS)));
        assertFalse(Files.exists(SampleFolder.of(out, "saline_01").axons()));
        assertTrue(Files.isRegularFile(out.resolve(CohortComparison.DOSE_COMPARISON)));
    }

    @Test
    @Order(2)
    void fibresAddedLaterAreMeasuredWithoutRedoingTheCells() throws Exception {
        FileTime cellsBefore = Files.getLastModifiedTime(SampleFolder.of(out, "saline_01").cells());
        FileTime countsBefore = Files.getLastModifiedTime(SampleFolder.of(out, "saline_01").counts());
        StudyPipeline.CohortResult r = run(FIBRES);
        assertTrue(r.samples().failed().isEmpty(), r.samples().failed().toString());
        assertTrue(r.samples().samples().stream().allMatch(s -> s.status() == StudyPipeline.Status.DONE), r.samples().samples().toString());
        assertEquals(cellsBefore, Files.getLastModifiedTime(SampleFolder.of(out, "saline_01").cells()));
        assertEquals(countsBefore, Files.getLastModifiedTime(SampleFolder.of(out, "saline_01").counts()));

        long rows = 0;
        for (SampleInput in : cohort.inputs()) {
            CsvTable t = CsvTable.read(SampleFolder.of(out, in.sampleId()).axons());
            assertEquals(Arrays.asList(AxonDensityTable.SCHEMA.names()), t.header(), in.sampleId());
            assertTrue(t.size() > 0, in.sampleId());
            rows += t.size();
        }
        CsvTable all = CsvTable.read(out.resolve(StudyPipeline.COHORT_AXONS));
        assertEquals(Arrays.asList(AxonDensityTable.SCHEMA.names()), all.header());
        assertEquals(rows, all.size());
        assertEquals(out.resolve(StudyPipeline.COHORT_AXONS), r.samples().axonTable());

        CsvTable comparison = CsvTable.read(out.resolve(CohortComparison.DOSE_COMPARISON_AXONS));
        assertEquals(Arrays.asList(DoseComparisonTable.SCHEMA.names()), comparison.header());
        assertTrue(comparison.size() > 0);
        for (int i = 0; i < comparison.size(); i++) {
            assertEquals(AxonDensityTable.FIBRE_FRACTION, comparison.get(i, "value_column"));
        }
        assertNotNull(r.axons());
        assertTrue(Files.isRegularFile(out.resolve(CohortComparison.AXON_REPORT_FOLDER).resolve(ReportFolder.REPORT)));
        // the cells' comparison is still the counts'
        assertEquals("count", CsvTable.read(out.resolve(CohortComparison.DOSE_COMPARISON)).get(0, "value_column"));
    }

    /**
     * The simulated PL fibre increase (× 1.5 at 100 mg/kg) against the fibre fraction the simulator rendered in these
     * brains' imaged PL, somata excluded by the blob rule only (run's default): +37.7 % against +38.9 % here; and every
     * brain's PL fibre fraction within 6 % of its rendered truth (+8 … +10 % with the former width fraction 0.5). With
     * the detected cells excluded too the increase comes out higher: the detector also fires on fibres and removes more
     * of the sparser ones (see the README's Running a whole cohort).
     */
    @Test
    @Order(3)
    void theFibreIncreaseInPrelimbicCortexIsRecovered() throws Exception {
        CsvTable comparison = CsvTable.read(out.resolve(CohortComparison.DOSE_COMPARISON_AXONS));
        CsvTable truth = CsvTable.read(cohort.truth());
        for (String treated : List.of("ketamine-100")) {
            double expected = 100 * (meanTruth(truth, treated) / meanTruth(truth, "saline") - 1);
            double measured = Double.NaN;
            for (int i = 0; i < comparison.size(); i++) {
                if (comparison.get(i, "region").equals("PL") && comparison.get(i, "hemisphere").equals("both")
                        && comparison.get(i, "treated_group").equals(treated)) {
                    measured = Double.parseDouble(comparison.get(i, "pct_change"));
                }
            }
            System.out.printf("PL fibre fraction %s vs saline: measured %+.1f %%, true %+.1f %%%n", treated, measured, expected);
            assertTrue(expected > 10, "the scenario raises PL fibres: " + expected);
            assertTrue(measured > 0, treated + ": PL fibre fraction should go up, measured " + measured + " %");
            assertEquals(expected, measured, 4, treated + ": PL % change against the rendered truth (percentage points)");
        }
        for (SampleInput in : cohort.inputs()) {
            CsvTable t = CsvTable.read(SampleFolder.of(out, in.sampleId()).axons());
            double measured = Double.NaN;
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i, "acronym").equals("PL") && t.get(i, "hemisphere").equals("both")) {
                    measured = Double.parseDouble(t.get(i, AxonDensityTable.FIBRE_FRACTION));
                }
            }
            double rendered = Double.NaN;
            for (int i = 0; i < truth.size(); i++) {
                if (truth.get(i, "sample_id").equals(in.sampleId()) && truth.get(i, "acronym").equals("PL") && truth.get(i, "hemisphere").equals("both")) {
                    rendered = Double.parseDouble(truth.get(i, "fibre_fraction"));
                }
            }
            System.out.printf("%s PL fibre fraction: measured %.5f, rendered %.5f (%+.1f %%)%n", in.sampleId(), measured, rendered, 100 * (measured / rendered - 1));
            assertEquals(rendered, measured, 0.06 * rendered, in.sampleId() + ": PL fibre fraction against the rendered truth");
        }
    }

    @Test
    @Order(4)
    void aSecondRunWithFibresSkipsEveryStep() throws Exception {
        Path axons = SampleFolder.of(out, "ketamine-100_02").axons();
        assertTrue(Files.isRegularFile(axons));
        FileTime before = Files.getLastModifiedTime(axons);
        StudyPipeline.CohortResult r = run(FIBRES);
        assertTrue(r.samples().samples().stream().allMatch(s -> s.status() == StudyPipeline.Status.ALREADY_DONE), r.samples().samples().toString());
        assertEquals(before, Files.getLastModifiedTime(axons));
        assertTrue(Files.isRegularFile(out.resolve(CohortComparison.DOSE_COMPARISON_AXONS)));
    }

    /** The group's mean rendered fibre fraction of PL (both sides) in the imaged box. */
    private static double meanTruth(CsvTable truth, String group) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i, "group").equals(group) && truth.get(i, "acronym").equals("PL") && truth.get(i, "hemisphere").equals("both")) {
                sum += Double.parseDouble(truth.get(i, "fibre_fraction"));
                n++;
            }
        }
        assertEquals(2, n, "PL truth rows of " + group);
        return sum / n;
    }
}

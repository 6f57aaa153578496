package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The example workflow's bundled sample sheet lists exactly the brains that the simulate command in its annotation and
 * the README writes into {@code data/cohort}: same ids, groups, doses, orientation, and paths that are the simulated
 * sheet's paths under {@code cohort/}. (Simulated here with few cells and no fibres: ids and paths do not depend on them,
 * and the voxel size comes from the files.)
 */
class ExampleSampleSheetTest {

    static final Path EXAMPLE = Path.of("../../example-workflows/ketamine-dose-comparison/data/samples.csv");

    @Test
    void theBundledSheetListsTheCohortThatSimulateWrites(@TempDir Path dir) {
        Path cohort = dir.resolve("cohort");
        CliTest.Result r = CliTest.run("simulate", "--atlas", "demo", "--resolution", "200", "--scenario", "ketamine", "--n-per-group", "3",
                "--voxel-size", "50,50,50", "--cells-scale", "0.01", "--no-fibres", "--quiet", "--out", cohort.toString());
        assertEquals(0, r.exit(), r.err());
        CsvTable simulated = CsvTable.read(cohort.resolve("samples.csv"));
        CsvTable bundled = CsvTable.read(EXAMPLE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < simulated.size(); i++) {
            expected.add(String.join(",", simulated.get(i, "sample_id"), simulated.get(i, "group"), simulated.get(i, "dose_mg_kg"),
                    "cohort/" + simulated.get(i, "signal_path"), "cohort/" + simulated.get(i, "autofluorescence_path"), simulated.get(i, "orientation")));
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < bundled.size(); i++) {
            actual.add(String.join(",", bundled.get(i, "sample_id"), bundled.get(i, "group"), bundled.get(i, "dose_mg_kg"), bundled.get(i, "signal_path"),
                    bundled.get(i, "autofluorescence_path"), bundled.get(i, "orientation")));
        }
        assertEquals(expected, actual);
        // And it is a valid sample sheet whose relative paths resolve into the workflow's data folder.
        SampleSheet sheet = SampleSheet.read(EXAMPLE);
        assertEquals(9, sheet.samples().size());
    }
}

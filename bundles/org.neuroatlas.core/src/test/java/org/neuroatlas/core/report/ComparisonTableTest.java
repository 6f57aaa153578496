package org.neuroatlas.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

/** Reading the inputs: clear one-line errors naming the file, line and column. */
class ComparisonTableTest {

    @TempDir
    Path dir;

    @Test
    void parsesRowsAndContrasts() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        assertEquals(11, t.rows().size());
        assertEquals(List.of(ReportFixtures.CONTRAST_30, ReportFixtures.CONTRAST_100), t.contrasts());
        ComparisonRow zi = t.rows().get(4);
        assertEquals(-1, zi.regionId());
        assertTrue(Double.isNaN(t.rows().get(10).log2Fc()));
        assertEquals(3, t.rows().get(0).minusLog10P(), 1e-12);
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        Path f = ReportFixtures.write(dir, "bad.csv", "region,hemisphere,contrast\nVTA,both,a vs b\n");
        InputException e = assertThrows(InputException.class, () -> ComparisonTable.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing column(s) control_group, treated_group, log2_fc, p_welch, q_welch, direction"), e.getMessage());
    }

    @Test
    void badCellsAreNamedWithTheirLine() throws Exception {
        Path f = ReportFixtures.write(dir, "bad.csv", ReportFixtures.COMPARISON.replace("0.001,0.01,up", "0.001,0.01,sideways"));
        InputException e = assertThrows(InputException.class, () -> ComparisonTable.read(f));
        assertTrue(e.getMessage().contains("line 2, column direction: 'sideways' is not up, down or ns"), e.getMessage());
        Path g = ReportFixtures.write(dir, "bad2.csv", ReportFixtures.COMPARISON.replace("0.004,0.02", "small,0.02"));
        e = assertThrows(InputException.class, () -> ComparisonTable.read(g));
        assertTrue(e.getMessage().contains("line 3, column p_welch: 'small' is not a number"), e.getMessage());
    }

    @Test
    void samplesAndValuesChecks() throws Exception {
        SampleSheet s = SampleSheet.readGroups(ReportFixtures.write(dir, "s.csv", ReportFixtures.SAMPLES));
        assertEquals(List.of("saline", "ketamine-30", "ketamine-100"), s.groupsByDose(), "dose order");
        Path noGroup = ReportFixtures.write(dir, "s2.csv", "sample_id,dose_mg_kg\na,0\n");
        assertTrue(assertThrows(InputException.class, () -> SampleSheet.readGroups(noGroup)).getMessage().contains("missing column(s) group"));
        CsvTable counts = CsvTable.read(ReportFixtures.write(dir, "c.csv", ReportFixtures.counts()));
        InputException e = assertThrows(InputException.class, () -> RegionValues.read(List.of(counts), "cells", s.sampleIds()));
        assertTrue(e.getMessage().contains("missing column(s) cells"), e.getMessage());
        e = assertThrows(InputException.class, () -> RegionValues.read(List.of(counts, counts), "count", s.sampleIds()));
        assertTrue(e.getMessage().contains("has a value already"), e.getMessage());
        RegionValues v = RegionValues.read(List.of(counts), "density_per_mm3", s.sampleIds());
        assertEquals(8, v.sampleValues("VTA", "both").size());
        assertTrue(v.sampleValues("VTA", "left").isEmpty());
    }

    @Test
    void missingHemisphereMeansBothSides() throws Exception {
        // What stats writes for values without a hemisphere column; the bar charts then find those values under both.
        Path f = ReportFixtures.write(dir, "nohemi.csv", ReportFixtures.COMPARISON.replace(",both,", ",,"));
        assertEquals("both", ComparisonTable.read(f).rows().get(0).hemisphere());
        SampleSheet s = SampleSheet.readGroups(ReportFixtures.write(dir, "s.csv", ReportFixtures.SAMPLES));
        CsvTable counts = CsvTable.read(ReportFixtures.write(dir, "c.csv", ReportFixtures.counts().replace(",hemisphere,", ",side,")));
        RegionValues v = RegionValues.read(List.of(counts), "count", s.sampleIds());
        assertEquals(8, v.sampleValues("VTA", "both").size());
        assertEquals(8, v.sampleValues("VTA", "").size());
    }
}

package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.stats.DoseComparisonTable;

/** {@code ./neuroatlas stats} on per-sample counts files laid out as map writes them. */
class StatsCliTest {

    @TempDir
    Path dir;
    Path sheet;

    static final String[] GROUPS = {"saline", "ketamine-30", "ketamine-100"};
    static final double[] DOSES = {0, 30, 100};

    /** One counts.csv per sample in cohort/<sample>/, with map's columns; VTA grows with dose, CP does not. */
    @BeforeEach
    void cohort() throws Exception {
        StringBuilder s = new StringBuilder("sample_id,group,dose_mg_kg\n");
        for (int g = 0; g < GROUPS.length; g++) {
            for (int i = 1; i <= 4; i++) {
                String id = GROUPS[g] + "_0" + i;
                s.append(id).append(',').append(GROUPS[g]).append(',').append(DOSES[g]).append('\n');
                StringBuilder c = new StringBuilder(String.join(",", RegionCounts.SCHEMA.names())).append('\n');
                long vta = Math.round(100 + 2 * DOSES[g] + 7 * i);
                long cp = 500 + 11 * i;
                for (String side : List.of("left", "right", "both")) {
                    int f = side.equals("both") ? 2 : 1;
                    c.append(String.format(Locale.ROOT, "%s,demo@1,749,VTA,Ventral tegmental area,6,%s,%d,%d,0.5,%f%n", id, side, f * vta, f * vta, f * vta / 0.5));
                    c.append(String.format(Locale.ROOT, "%s,demo@1,672,CP,Caudoputamen,5,%s,%d,%d,5.0,%f%n", id, side, f * cp, f * cp, f * cp / 5.0));
                }
                Files.createDirectories(dir.resolve("cohort").resolve(id));
                Files.writeString(dir.resolve("cohort").resolve(id).resolve("counts.csv"), c);
            }
        }
        sheet = dir.resolve("samples.csv");
        Files.writeString(sheet, s);
    }

    private CliTest.Result stats(String... more) {
        List<String> args = new ArrayList<>(List.of("stats", "--samples", sheet.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--control")) {
            args.addAll(List.of("--control", "saline"));
        }
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void writesTheDoseComparisonFromAGlobOfCountsFiles() {
        Path out = dir.resolve("dose_comparison.csv");
        CliTest.Result r = stats("--values", dir + "/cohort/*/counts.csv", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("12 value file(s), 12 samples, 2 regions, value column count, atlas demo@1"), r.out());
        assertTrue(r.out().matches("(?s).*ketamine-30 vs saline +left +1 up +0 down +\\(2 of 2 tested\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*ketamine-100 vs saline +both +1 up +0 down.*"), r.out());
        CsvTable t = CsvTable.read(out);
        assertEquals(List.of(DoseComparisonTable.SCHEMA.names()), t.header());
        assertEquals(2 * 3 * 2, t.size());
        assertEquals("VTA", t.get(0, "region"));
        assertEquals("749", t.get(0, "region_id"));
        assertEquals("ketamine-30 vs saline", t.get(0, "contrast"));
        assertEquals("ketamine-100 vs saline", t.get(1, "contrast"));
        assertEquals("up", t.get(1, "direction"));
        assertEquals("demo@1", t.get(0, "atlas"));
        assertEquals("ns", t.get(6, "direction"));
        assertEquals("CP", t.get(6, "region"));
    }

    @Test
    void folderAndRepeatedValuesGiveTheSameTable() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, stats("--values", dir + "/cohort/*/counts.csv", "--out", a.toString(), "--value-column", "density_per_mm3",
                "--regions", "VTA").exit());
        Path flat = dir.resolve("flat");
        Files.createDirectories(flat);
        List<String> more = new ArrayList<>();
        try (var s = Files.list(dir.resolve("cohort"))) {
            for (Path p : s.sorted().toList()) {
                Path copy = (p.getFileName().toString().startsWith("saline") ? flat : dir).resolve(p.getFileName() + ".csv");
                Files.copy(p.resolve("counts.csv"), copy);
                if (!copy.startsWith(flat)) {
                    more.add("--values");
                    more.add(copy.toString());
                }
            }
        }
        more.addAll(List.of("--values", flat.toString(), "--out", b.toString(), "--value-column", "density_per_mm3", "--regions", "VTA"));
        CliTest.Result r = stats(more.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals(6, CsvTable.read(b).size());
    }

    @Test
    void badInputEndsWithOneLineAndNoOutput() throws Exception {
        Path out = dir.resolve("o.csv");
        String values = dir + "/cohort/*/counts.csv";
        CliTest.Result control = stats("--values", values, "--out", out.toString(), "--control", "vehicle");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, control.exit());
        assertTrue(control.err().startsWith("error: parameter --control: group 'vehicle' is not in the sample sheet"), control.err());
        assertEquals(1, control.err().strip().lines().count(), control.err());
        CliTest.Result column = stats("--values", values, "--out", out.toString(), "--value-column", "cells");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, column.exit());
        assertTrue(column.err().contains("missing column(s) cells"), column.err());
        Files.writeString(dir.resolve("cohort/saline_01/counts.csv"), "sample_id,region,hemisphere,count\nstranger,VTA,left,3\n");
        CliTest.Result stranger = stats("--values", values, "--out", out.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, stranger.exit());
        assertTrue(stranger.err().contains("saline_01/counts.csv: line 2, column sample_id: sample 'stranger' is not in the sample sheet"), stranger.err());
        CliTest.Result nothing = stats("--values", dir + "/nowhere/*.csv", "--out", out.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, nothing.exit());
        assertTrue(nothing.err().contains("parameter --values"), nothing.err());
        CliTest.Result fdr = stats("--values", values, "--out", out.toString(), "--fdr", "5");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, fdr.exit());
        assertTrue(fdr.err().contains("parameter --fdr"), fdr.err());
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }
}

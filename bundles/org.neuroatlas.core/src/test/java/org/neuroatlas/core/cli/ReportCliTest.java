package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.report.HtmlReport;
import org.neuroatlas.core.report.ReportFixtures;

/** {@code neuroatlas report} end to end on fixture CSVs and the demo atlas, and its one-line errors. */
class ReportCliTest {

    @TempDir
    Path dir;

    private String[] args(Path out, String... more) throws Exception {
        Path comparison = ReportFixtures.write(dir, "dose_comparison.csv", ReportFixtures.COMPARISON);
        Path counts = ReportFixtures.write(dir, "counts.csv", ReportFixtures.counts());
        Path samples = ReportFixtures.write(dir, "samples.csv", ReportFixtures.SAMPLES);
        List<String> a = new java.util.ArrayList<>(List.of("report", "--comparison", comparison.toString(), "--values", counts.toString(),
                "--samples", samples.toString(), "--atlas", "demo", "--out", out.toString(), "--quiet", "--slices", "3"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void writesTheReportAndEveryPlotAsPngAndSvg() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run(args(out));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 contrast(s), 11 rows"), r.out());
        String html = Files.readString(out.resolve("report.html"));
        for (String plot : List.of("volcano", "bars", "coronal")) {
            for (String contrast : List.of("ketamine-30_vs_saline", "ketamine-100_vs_saline")) {
                for (String ext : List.of("png", "svg")) {
                    Path f = out.resolve("plots/" + plot + "_" + contrast + "." + ext);
                    assertTrue(Files.size(f) > 500, f.toString());
                }
                BufferedImage img = ImageIO.read(out.resolve("plots/" + plot + "_" + contrast + ".png").toFile());
                assertTrue(img.getWidth() > 500, plot);
                assertTrue(html.contains("id=\"" + plot + "_" + contrast + "\""), plot + " in the report");
            }
        }
        assertTrue(html.contains(HtmlReport.sha256(dir.resolve("counts.csv"))));
        assertTrue(html.contains(HtmlReport.sha256(dir.resolve("dose_comparison.csv"))));
        assertTrue(html.contains("neuroatlas-demo@1"), "atlas identity");
        assertFalse(html.contains("http://"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("plots", "report.html"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files");
        }
        // Same inputs, same report.
        Path again = dir.resolve("again");
        assertEquals(0, CliTest.run(args(again)).exit());
        assertEquals(html.replace(out.toString(), again.toString()), Files.readString(again.resolve("report.html")));
        assertEquals(Files.readString(out.resolve("plots/coronal_ketamine-30_vs_saline.svg")),
                Files.readString(again.resolve("plots/coronal_ketamine-30_vs_saline.svg")));
    }

    @Test
    void withoutValuesAndAtlasOnlyVolcanoPlots() throws Exception {
        Path comparison = ReportFixtures.write(dir, "dose_comparison.csv", ReportFixtures.COMPARISON);
        Path out = dir.resolve("plain");
        CliTest.Result r = CliTest.run("report", "--comparison", comparison.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> files = Files.list(out.resolve("plots"))) {
            assertEquals(4, files.count());
        }
        // Without --atlas, the table's atlas column names the atlas.
        Path withAtlas = ReportFixtures.write(dir, "with_atlas.csv", ReportFixtures.COMPARISON.replace(",note\n", ",note,atlas\n")
                .replaceAll("(row\\d\\d)\n", "$1,allen@x/25um#abc\n"));
        assertEquals(0, CliTest.run("report", "--comparison", withAtlas.toString(), "--out", out.toString(), "--quiet").exit());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<code>allen@x/25um#abc</code>"));
    }

    @Test
    void badInputEndsWithOneLine() throws Exception {
        Path out = dir.resolve("bad");
        Path broken = ReportFixtures.write(dir, "broken.csv", "region,contrast\nVTA,a vs b\n");
        CliTest.Result missingColumns = CliTest.run("report", "--comparison", broken.toString(), "--out", out.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, missingColumns.exit());
        assertTrue(missingColumns.err().startsWith("error: " + broken + ": missing column(s) hemisphere"), missingColumns.err());
        assertEquals(1, missingColumns.err().strip().lines().count(), missingColumns.err());

        CliTest.Result missingFile = CliTest.run("report", "--comparison", dir.resolve("nope.csv").toString(), "--out", out.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, missingFile.exit());
        assertTrue(missingFile.err().contains("nope.csv: does not exist"), missingFile.err());

        String[] noSamples = args(out);
        List<String> a = new java.util.ArrayList<>(List.of(noSamples));
        int i = a.indexOf("--samples");
        a.remove(i + 1);
        a.remove(i);
        CliTest.Result r = CliTest.run(a.toArray(String[]::new));
        assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit());
        assertTrue(r.err().startsWith("error: parameter --samples: is needed with --values"), r.err());

        Path counts = ReportFixtures.write(dir, "counts.csv", ReportFixtures.counts());
        CliTest.Result badColumn = CliTest.run(args(out, "--value-column", "cells"));
        assertEquals(NeuroAtlasCli.EXIT_INPUT, badColumn.exit());
        assertTrue(badColumn.err().startsWith("error: " + counts + ": missing column(s) cells"), badColumn.err());
        assertFalse(Files.exists(out.resolve("report.html")));
    }
}

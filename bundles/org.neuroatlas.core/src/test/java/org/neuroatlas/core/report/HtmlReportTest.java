package org.neuroatlas.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: every row and column, self-contained, provenance, deterministic. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private String html(Path csv) throws Exception {
        ComparisonTable t = ComparisonTable.read(csv);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("top regions", "8");
        params.put("alpha", "0.05");
        return HtmlReport.builder().title("Test report").comparison(t).figure("Volcano", Plots.volcano(t, ReportFixtures.CONTRAST_30))
                .parameters(params).atlas("neuroatlas-demo@1/100um#abc").softwareVersion("NeuroAtlas 9.9").inputFile("comparison", csv)
                .build().html();
    }

    @Test
    void containsEveryRowAndColumnAndIsSelfContained() throws Exception {
        Path csv = ReportFixtures.write(dir, "dose_comparison.csv", ReportFixtures.COMPARISON);
        String html = html(csv);
        for (int i = 1; i <= 11; i++) {
            assertTrue(html.contains(String.format("<td>row%02d</td>", i)), "row " + i);
        }
        for (String column : ReportFixtures.COMPARISON.lines().findFirst().orElseThrow().split(",")) {
            assertTrue(html.contains("<th>" + column + "</th>"), column);
        }
        Matcher rows = Pattern.compile("<tr( class=\"(up|down)\")?><td>(VTA|SNc|CP|PL|ZI)</td>").matcher(html);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        assertEquals(11, n, "one table row per comparison row");
        assertFalse(html.contains("http://"), "no external address");
        assertFalse(html.contains("https://"), "no external address");
        assertFalse(html.contains("src=\"http"));
        assertFalse(html.contains("<script src"), "script inline only");
        assertFalse(html.contains("<link"), "no linked style sheets");
        assertTrue(html.contains("<svg"), "plot inline");
        assertTrue(html.contains("table.sortable"), "sorting script");
    }

    @Test
    void listsParametersAtlasVersionAndInputChecksums() throws Exception {
        Path csv = ReportFixtures.write(dir, "dose_comparison.csv", ReportFixtures.COMPARISON);
        String html = html(csv);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        assertEquals(sha, HtmlReport.sha256(csv));
        assertTrue(html.contains(sha));
        assertTrue(html.contains("<tr><th>alpha</th><td><code>0.05</code></td></tr>"));
        assertTrue(html.contains("neuroatlas-demo@1/100um#abc"));
        assertTrue(html.contains("NeuroAtlas 9.9"));
        assertTrue(SoftwareVersion.current().startsWith("NeuroAtlas "));
    }

    @Test
    void sameInputGivesTheSameBytesAndIsWrittenAtomically() throws Exception {
        Path csv = ReportFixtures.write(dir, "dose_comparison.csv", ReportFixtures.COMPARISON);
        String a = html(csv);
        assertEquals(a, html(csv));
        ComparisonTable t = ComparisonTable.read(csv);
        Path out = dir.resolve("out/report.html");
        HtmlReport.builder().comparison(t).softwareVersion("v").write(out);
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void textIsEscaped() throws Exception {
        Path csv = ReportFixtures.write(dir, "c.csv", ReportFixtures.COMPARISON.replace("row01", "\"<b>&x</b>\""));
        String html = html(csv);
        assertTrue(html.contains("&lt;b&gt;&amp;x&lt;/b&gt;"));
        assertFalse(html.contains("<b>&x"));
    }
}

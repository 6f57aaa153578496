package org.neuroatlas.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The volcano plot's SVG: well-formed, one point per row, positions and colours from the table, deterministic. */
class VolcanoPlotTest {

    @TempDir
    Path dir;

    @Test
    void svgIsWellFormedWithOnePointPerRowAndLabelsForTheTopRegions() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        Figure f = Plots.volcano(t, ReportFixtures.CONTRAST_30);
        Document d = Xml.parse(f.svg());
        for (ComparisonRow r : t.rows(ReportFixtures.CONTRAST_30)) {
            String key = r.region() + "|" + r.hemisphere();
            Xml.one(d, "circle", key);
            // Seven rows, fewer than the ten labels: every row is labelled.
            Element label = Xml.one(d, "text", "label:" + key);
            assertEquals(r.label(), label.getTextContent());
        }
        assertEquals("volcano_ketamine-30_vs_saline", f.name());
    }

    @Test
    void positionsAndColoursFollowTheTable() throws Exception {
        Document d = Xml.parse(Plots.volcano(ReportFixtures.comparison(dir), ReportFixtures.CONTRAST_30).svg());
        double zero = Xml.num(Xml.one(d, "line", "zero"), "x1");
        Element vta = Xml.one(d, "circle", "VTA|both");
        Element snc = Xml.one(d, "circle", "SNc|both");
        Element cp = Xml.one(d, "circle", "CP|both");
        Element pl = Xml.one(d, "circle", "PL|both");
        assertTrue(Xml.num(vta, "cx") > zero, "log2 FC 1 right of zero");
        assertTrue(Xml.num(snc, "cx") < zero, "log2 FC -0.8 left of zero");
        assertTrue(Xml.num(cp, "cx") > zero && Xml.num(cp, "cx") < Xml.num(vta, "cx"), "0.2 between 0 and 1");
        // The x axis is symmetric: +1 and -1 are equally far from zero, so -0.8 is 0.8 times as far as 1.
        assertEquals(0.8 * (Xml.num(vta, "cx") - zero), zero - Xml.num(snc, "cx"), 0.02);
        // Smaller p is higher up (smaller y in SVG).
        assertTrue(Xml.num(vta, "cy") < Xml.num(snc, "cy") && Xml.num(snc, "cy") < Xml.num(cp, "cy") && Xml.num(cp, "cy") < Xml.num(pl, "cy"));
        assertEquals(SvgRenderer.hex(Colours.UP), vta.getAttribute("fill"), "q < 0.05, up: warm");
        assertEquals(SvgRenderer.hex(Colours.DOWN), snc.getAttribute("fill"));
        assertEquals(SvgRenderer.hex(Colours.NS), cp.getAttribute("fill"));
    }

    @Test
    void rowsWithoutValuesAreCountedNotPlotted() throws Exception {
        Figure f = Plots.volcano(ReportFixtures.comparison(dir), ReportFixtures.CONTRAST_100);
        Document d = Xml.parse(f.svg());
        assertTrue(Xml.withKey(d, "circle", "PL|both").isEmpty());
        assertTrue(f.svg().contains("1 row(s) without fold change or p-value not shown"));
    }

    @Test
    void sameInputGivesTheSameSvgBytesAndPngDecodes() throws Exception {
        String a = Plots.volcano(ReportFixtures.comparison(dir), ReportFixtures.CONTRAST_30).svg();
        Path other = Files.createDirectory(dir.resolve("again"));
        Figure f = Plots.volcano(ReportFixtures.comparison(other), ReportFixtures.CONTRAST_30);
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), f.svg().getBytes(StandardCharsets.UTF_8));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
        assertEquals((int) Math.ceil(f.width() * Figure.DEFAULT_PNG_SCALE), img.getWidth());
        assertEquals((int) Math.ceil(f.height() * Figure.DEFAULT_PNG_SCALE), img.getHeight());
        f.writePng(dir.resolve("v.png"));
        f.writeSvg(dir.resolve("v.svg"));
        assertEquals(a, Files.readString(dir.resolve("v.svg")));
        assertTrue(Files.size(dir.resolve("v.png")) > 1000);
    }

    @Test
    void anUnknownContrastIsABadInput() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.neuroatlas.core.InputException.class, () -> Plots.volcano(t, "nope"));
        assertTrue(e.getMessage().contains("ketamine-30 vs saline, ketamine-100 vs saline"), e.getMessage());
    }
}

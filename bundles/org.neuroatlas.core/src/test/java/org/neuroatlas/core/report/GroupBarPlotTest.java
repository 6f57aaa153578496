package org.neuroatlas.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Bar charts: top regions by q, one dot per sample, bars at group means in dose order. */
class GroupBarPlotTest {

    @TempDir
    Path dir;

    private Figure bars(int top) throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        SampleSheet s = SampleSheet.readGroups(ReportFixtures.write(dir, "samples.csv", ReportFixtures.SAMPLES));
        RegionValues v = RegionValues.read(List.of(CsvTable.read(ReportFixtures.write(dir, "counts.csv", ReportFixtures.counts()))), "count",
                s.sampleIds());
        return Plots.groupBars(t, ReportFixtures.CONTRAST_30, v, s, top);
    }

    @Test
    void topRegionsBySmallestQPreferringBothSides() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        List<String> top = t.top(ReportFixtures.CONTRAST_30, 3).stream().map(ComparisonRow::label).toList();
        assertEquals(List.of("VTA", "SNc", "ZI"), top);
    }

    @Test
    void oneDotPerSampleAndBarsAtTheMeans() throws Exception {
        Document d = Xml.parse(bars(2).svg());
        Xml.one(d, "text", "panel:VTA|both");
        Xml.one(d, "text", "panel:SNc|both");
        assertTrue(Xml.withKey(d, "text", "panel:CP|both").isEmpty(), "only the top 2");
        assertEquals(3, Xml.withKey(d, "circle", "dot:VTA|both|saline").size());
        assertEquals(3, Xml.withKey(d, "circle", "dot:VTA|both|ketamine-30").size());
        assertEquals(2, Xml.withKey(d, "circle", "dot:VTA|both|ketamine-100").size());
        Element saline = Xml.one(d, "rect", "bar:VTA|both|saline");
        Element k30 = Xml.one(d, "rect", "bar:VTA|both|ketamine-30");
        Element k100 = Xml.one(d, "rect", "bar:VTA|both|ketamine-100");
        // Dose order left to right, and the VTA counts scale 1 : 2 : 3 with dose group.
        assertTrue(Xml.num(saline, "x") < Xml.num(k30, "x") && Xml.num(k30, "x") < Xml.num(k100, "x"));
        assertTrue(Xml.num(saline, "height") < Xml.num(k30, "height") && Xml.num(k30, "height") < Xml.num(k100, "height"));
        // Bottoms of all bars on the same baseline.
        assertEquals(Xml.num(saline, "y") + Xml.num(saline, "height"), Xml.num(k100, "y") + Xml.num(k100, "height"), 0.02);
    }

    @Test
    void meanAndStandardError() {
        double[] ms = GroupBarPlot.meanSem(List.of(1.0, 2.0, 3.0));
        assertEquals(2, ms[0], 1e-12);
        assertEquals(1 / Math.sqrt(3), ms[1], 1e-12);
        assertTrue(Double.isNaN(GroupBarPlot.meanSem(List.of(5.0))[1]));
    }

    @Test
    void deterministic() throws Exception {
        assertEquals(bars(8).svg(), bars(8).svg());
    }
}

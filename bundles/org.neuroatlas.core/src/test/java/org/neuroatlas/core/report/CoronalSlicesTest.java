package org.neuroatlas.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.volume.Volume;
import org.w3c.dom.Document;

import net.imglib2.Cursor;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Coronal slices of the demo atlas (opened as {@code --atlas demo} opens it): warm for up, grey for not significant. */
class CoronalSlicesTest {

    @TempDir
    static Path dir;
    static Atlas atlas;

    @BeforeAll
    static void open() {
        atlas = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE);
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    /** Atlas-space index (AP, DV, LR) of the first voxel labelled {@code label}. */
    private static <T extends RealType<T> & NativeType<T>> long[] find(Volume<T> v, int label) {
        Cursor<T> c = Views.flatIterable(Views.zeroMin(v.voxels())).localizingCursor();
        while (c.hasNext()) {
            if ((int) c.next().getRealDouble() == label) {
                return c.positionAsLongArray();
            }
        }
        throw new AssertionError("no voxel labelled " + label);
    }

    private static int red(int argb) {
        return argb >> 16 & 255;
    }

    private static int blue(int argb) {
        return argb & 255;
    }

    @Test
    void upRegionsAreWarmDownCoolNotSignificantGreyOutsideTransparent() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        RegionColouring colouring = new RegionColouring(t.rows(ReportFixtures.CONTRAST_30), atlas.ontology());
        int w = (int) atlas.dimensions()[2];

        long[] vta = find(atlas.annotation(), 749);
        int[] slice = CoronalSlices.slice(atlas, vta[0], colouring, false);
        int px = slice[(int) vta[1] * w + (int) vta[2]];
        assertEquals(0xFF, px >>> 24, "opaque");
        assertTrue(red(px) > blue(px) + 60, "VTA (log2 FC +1, up) is on the warm side: " + Integer.toHexString(px));

        long[] snc = find(atlas.annotation(), 374);
        int sncPx = CoronalSlices.slice(atlas, snc[0], colouring, false)[(int) snc[1] * w + (int) snc[2]];
        assertTrue(blue(sncPx) > red(sncPx) + 60, "SNc (down) is on the cool side: " + Integer.toHexString(sncPx));

        long[] cp = find(atlas.annotation(), 672);
        int[] cpSlice = CoronalSlices.slice(atlas, cp[0], colouring, false);
        assertEquals(0xFF000000 | Colours.NS, cpSlice[(int) cp[1] * w + (int) cp[2]], "CP (ns) is grey");
        assertEquals(0, cpSlice[0], "outside the brain is transparent");
        // Outlines only darken, and only some pixels (the borders).
        int[] outlined = CoronalSlices.slice(atlas, cp[0], colouring, true);
        int changed = 0;
        for (int i = 0; i < outlined.length; i++) {
            if (outlined[i] != cpSlice[i]) {
                changed++;
                assertTrue(red(outlined[i]) < red(cpSlice[i]) || blue(outlined[i]) < blue(cpSlice[i]), Integer.toHexString(outlined[i]));
            }
        }
        assertTrue(changed > 0 && changed < outlined.length / 4, changed + " border pixels");
    }

    @Test
    void sidedRowsWinOverTheBothRowAndScaleEndsAtTheLargestSignificantChange() throws Exception {
        RegionColouring c = new RegionColouring(ReportFixtures.comparison(dir).rows(ReportFixtures.CONTRAST_30), atlas.ontology());
        assertEquals("left", c.rowFor(749, Hemisphere.LEFT).hemisphere());
        assertEquals("right", c.rowFor(749, Hemisphere.RIGHT).hemisphere());
        assertEquals("both", c.rowFor(374, Hemisphere.LEFT).hemisphere());
        // ZI has no region_id in the table: found by its acronym.
        assertEquals("ZI", c.rowFor(atlas.ontology().require("ZI", "test").id(), Hemisphere.LEFT).region());
        assertEquals(1.5, c.limit(), 1e-12, "largest significant |log2 FC| 1.01, rounded up to a nice value");
        assertEquals(0, c.unmatched());
    }

    @Test
    void figureHasOneImagePerSliceAndAColourBarAndIsDeterministic() throws Exception {
        ComparisonTable t = ReportFixtures.comparison(dir);
        Figure f = Plots.coronalSlices(t, ReportFixtures.CONTRAST_30, atlas, 4);
        String svg = f.svg();
        Document d = Xml.parse(svg);
        assertEquals(4 + 1, d.getElementsByTagNameNS("*", "image").getLength(), "4 slices and the colour bar");
        assertEquals(4, Xml.withKey(d, "text", "slice").size());
        Xml.one(d, "rect", "colourbar");
        assertEquals(svg, Plots.coronalSlices(t, ReportFixtures.CONTRAST_30, atlas, 4).svg());
        assertTrue(f.png().length > 1000);
    }
}

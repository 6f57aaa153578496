package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.density.MappedCellTable;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.Cursor;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * {@code neuroatlas map} with a purely affine transform (sample µm = atlas µm + a shift) onto the demo atlas at 100 µm:
 * both CSVs with their documented headers, statuses of cells outside the brain and the atlas, and one-line errors.
 */
class MapCliTest {

    /** Sample µm = atlas µm + this shift along x, so that the transform is not the identity. */
    static final double SHIFT_X_UM = 250;

    @TempDir
    static Path dir;
    static Path registration;
    static Atlas atlas;
    static Structure vta;
    /** Sample µm of a point inside the VTA. */
    static double[] inVta;

    @BeforeAll
    static void setUp() throws Exception {
        atlas = Atlas.demo(100, Progress.NONE);
        vta = atlas.ontology().require("VTA", "test");
        long[] voxel = find(atlas.annotation(), vta.id());
        inVta = new double[] {voxel[0] * 100 + 20 + SHIFT_X_UM, voxel[1] * 100 - 20, voxel[2] * 100 + 10};
        registration = dir.resolve("reg");
        AtlasTransform.affine(AffineMap.translation(SHIFT_X_UM, 0, 0), atlas.identity().key(),
                new SampleGeometry(new long[] {300, 200, 250}, new VoxelSize(5, 5, 5), null)).save(registration.resolve("transform"));
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    private static <T extends RealType<T> & NativeType<T>> long[] find(Volume<T> v, int label) {
        Cursor<T> c = Views.flatIterable(v.voxels()).localizingCursor();
        while (c.hasNext()) {
            if ((int) c.next().getRealDouble() == label) {
                return c.positionAsLongArray();
            }
        }
        throw new AssertionError("no voxel labelled " + label);
    }

    private static Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Cells: one in the VTA, one at the grid's corner (outside the brain), one beyond the grid. */
    private static Path cells() throws Exception {
        return csv("cells.csv", String.format(Locale.ROOT, "x_um,y_um,z_um,score%n%s,%s,%s,0.9%n%s,0,0,0.5%n-5000,0,0,0.1%n", inVta[0], inVta[1], inVta[2],
                SHIFT_X_UM));
    }

    private static CliTest.Result map(Path cells, Path out, Path counts, String... more) {
        List<String> args = new ArrayList<>(List.of("map", "--cells", cells.toString(), "--registration", registration.toString(), "--atlas", "demo",
                "--out", out.toString(), "--counts", counts.toString(), "--quiet"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void writesMappedCellsAndCountsWithTheDocumentedHeaders() throws Exception {
        Path out = dir.resolve("out/mapped.csv");
        Path counts = dir.resolve("out/counts.csv");
        CliTest.Result r = map(cells(), out, counts);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("sample cells, atlas " + atlas.identity().key() + ": 3 cells"), r.out());

        CsvTable m = CsvTable.read(out);
        List<String> header = new ArrayList<>(List.of("x_um", "y_um", "z_um", "score"));
        header.addAll(List.of(MappedCellTable.MAPPED.names()));
        assertEquals(header, m.header());
        assertEquals(3, m.size());
        assertEquals("0.9", m.get(0, "score"));
        assertEquals(inVta[0] - SHIFT_X_UM, m.getDouble(0, "atlas_x_um", false), 1e-9);
        assertEquals(String.valueOf(vta.id()), m.get(0, "region_id"));
        assertEquals("VTA", m.get(0, "acronym"));
        assertEquals(vta.pathText(), m.get(0, "structure_id_path"));
        assertEquals("in_brain", m.get(0, "mapping_status"));
        assertEquals("right", m.get(0, "hemisphere"), "low LR index is the right hemisphere");
        assertEquals("outside_brain", m.get(1, "mapping_status"));
        assertEquals("0", m.get(1, "region_id"));
        assertEquals("", m.get(1, "acronym"));
        assertEquals("outside_atlas", m.get(2, "mapping_status"));
        assertEquals("", m.get(2, "hemisphere"));
        assertEquals(atlas.identity().key(), m.get(2, "atlas"));

        CsvTable c = CsvTable.read(counts);
        assertEquals(List.of(RegionCounts.SCHEMA.names()), c.header());
        int vtaRows = 0;
        for (int i = 0; i < c.size(); i++) {
            assertEquals("cells", c.get(i, "sample_id"));
            assertEquals(atlas.identity().key(), c.get(i, "atlas"));
            if (c.get(i, "acronym").equals("VTA")) {
                vtaRows++;
                assertEquals(c.get(i, "hemisphere").equals("left") ? "0" : "1", c.get(i, "count"));
            }
        }
        assertEquals(3, vtaRows);
        assertEquals(String.valueOf(atlas.ontology().root().id()), c.get(0, "region_id"), "ontology order: the root first");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("counts.csv", "mapped.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }

        CliTest.Result named = map(cells(), out, counts, "--sample-id", "b7", "--regions", "SNc");
        assertEquals(0, named.exit(), named.err());
        CsvTable c2 = CsvTable.read(counts);
        assertEquals("b7", c2.get(0, "sample_id"));
        assertEquals(c.size() + 3, c2.size(), "SNc listed with 0 cells");
    }

    @Test
    void badInputEndsWithOneLineNamingTheFileOrParameterAndWritesNothing() throws Exception {
        Path out = dir.resolve("bad/mapped.csv");
        Path counts = dir.resolve("bad/counts.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old");

        CliTest.Result missing = map(csv("noz.csv", "x_um,y_um\n1,2\n"), out, counts);
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("noz.csv") && missing.err().contains("missing column(s) z_um"), missing.err());

        CliTest.Result nan = map(csv("nan.csv", "x_um,y_um,z_um\n1,2,3\nNaN,2,3\n"), out, counts);
        assertEquals(2, nan.exit(), nan.err());
        assertTrue(nan.err().contains("nan.csv: line 3, column x_um: 'NaN' is not a finite number"), nan.err());

        CliTest.Result other = map(cells(), out, counts, "--resolution", "200");
        assertEquals(2, other.exit(), other.err());
        String otherKey = Atlas.demo(200, Progress.NONE).identity().key();
        assertTrue(other.err().contains(registration.resolve("transform").toString()) && other.err().contains("was computed for atlas "
                + atlas.identity().key() + ", not " + otherKey), other.err());

        CliTest.Result noTransform = CliTest.run("map", "--cells", cells().toString(), "--registration", dir.toString(), "--atlas", "demo", "--out",
                out.toString(), "--counts", counts.toString());
        assertEquals(2, noTransform.exit(), noTransform.err());
        assertTrue(noTransform.err().contains("holds neither transform.json nor transform/transform.json"), noTransform.err());

        CliTest.Result region = map(cells(), out, counts, "--regions", "VTAx");
        assertEquals(2, region.exit(), region.err());
        assertTrue(region.err().contains("--regions"), region.err());

        CliTest.Result same = map(cells(), out, out);
        assertEquals(2, same.exit(), same.err());
        assertTrue(same.err().contains("--counts"), same.err());

        assertEquals("old", Files.readString(out), "a failed run leaves the earlier output alone");
        assertTrue(!Files.exists(counts), "no counts from a failed run");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary files left");
        }
    }
}

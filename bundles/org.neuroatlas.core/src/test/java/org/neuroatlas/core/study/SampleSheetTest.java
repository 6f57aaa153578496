package org.neuroatlas.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

class SampleSheetTest {

    @TempDir
    Path dir;

    private Path sheet(String text) throws IOException {
        Path p = dir.resolve("samples.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsChannelsVoxelSizeAndOrientationResolvingRelativePaths() throws IOException {
        Path p = sheet("\uFEFFsample_id,group,dose_mg_kg,signal_path,autofluorescence_path,voxel_um_x,voxel_um_y,voxel_um_z,orientation\n"
                + "M01,saline,0,brains/M01/ch0,brains/M01/ch1,2,2,4,psl\n"
                + "M02,ketamine-30,30,/data/M02/ch0,,,,,\n");
        SampleSheet s = SampleSheet.read(p);
        assertEquals(2, s.samples().size());
        Sample m1 = s.samples().get(0);
        assertEquals("M01", m1.sampleId());
        assertEquals(0.0, m1.doseMgKg());
        assertEquals(List.of("signal", "autofluorescence"), List.copyOf(m1.channels().keySet()));
        assertEquals(dir.resolve("brains/M01/ch0"), m1.channels().get("signal"));
        assertEquals(Optional.of(new VoxelSize(2, 2, 4)), m1.voxelSizeUm());
        assertEquals(Optional.of(Orientation.parse("psl", "o")), m1.orientation());
        Sample m2 = s.samples().get(1);
        assertEquals(List.of("signal"), List.copyOf(m2.channels().keySet()));
        assertEquals(Optional.empty(), m2.voxelSizeUm());
        assertEquals(List.of("saline", "ketamine-30"), s.groups());
    }

    @Test
    void writeThenReadGivesTheSameSamples() throws IOException {
        SampleSheet s = SampleSheet.read(sheet("sample_id,group,dose_mg_kg,signal_path,voxel_um_x,voxel_um_y,voxel_um_z,orientation\n"
                + "A,saline,0,a.tif,1.5,1.5,3,asr\nB,k100,100,b.tif,,,,\n"));
        Path copy = dir.resolve("sub/copy.csv");
        Files.createDirectories(copy.getParent());
        s.write(dir.resolve("copy.csv"));
        SampleSheet back = SampleSheet.read(dir.resolve("copy.csv"));
        assertEquals(s.samples(), back.samples());
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        String h = "sample_id,group,dose_mg_kg,signal_path\n";
        assertMessage(sheet(h + "A,saline,zero,a.tif\n"), "line 2, column dose_mg_kg");
        assertMessage(sheet(h + "A,saline,0,a.tif\nA,k,30,b.tif\n"), "line 3, column sample_id: sample id 'A' appears twice");
        assertMessage(sheet(h + "A,,0,a.tif\n"), "column group");
        assertMessage(sheet(h + "A,s,0,\n"), "has no volume path");
        assertMessage(sheet("sample_id,group,signal_path\nA,s,a.tif\n"), "missing column(s) dose_mg_kg");
        assertMessage(sheet("sample_id,group,dose_mg_kg\nA,s,0\n"), "has no channel column");
        assertMessage(sheet(h), "lists no samples");
        assertMessage(sheet(h.trim() + ",voxel_um_x,voxel_um_y,voxel_um_z\nA,s,0,a.tif,1,0,1\n"), "column voxel_um_y");
        assertMessage(sheet(h.trim() + ",orientation\nA,s,0,a.tif,xyz\n"), "column orientation");
        assertMessage(dir.resolve("absent.csv"), "does not exist");
    }

    private static void assertMessage(Path p, String part) {
        InputException e = assertThrows(InputException.class, () -> SampleSheet.read(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static final List<String> HEADER = List.of("sample_id", "group", "dose_mg_kg", "signal_path", "autofluorescence_path", "voxel_um_x",
            "voxel_um_y", "voxel_um_z", "orientation");

    private static TextTable table(List<String> header, List<List<String>> rows) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.add("Row" + i);
        }
        return TextTable.of("sample sheet table", header, ids, rows);
    }

    @Test
    void fromRowsReadsTheSameAsACsvFile() throws IOException {
        Path p = sheet(String.join(",", HEADER) + "\nM01,saline,0," + dir.resolve("M01/ch0") + "," + dir.resolve("M01/ch1") + ",2,2,4,psl\n"
                + "M02,ketamine-30,, " + dir.resolve("M02/ch0") + " ,,,,,\n");
        SampleSheet fromFile = SampleSheet.read(p);
        // Null cells, surrounding blanks and rows shorter than the header read as empty, as in a CSV.
        SampleSheet fromRows = SampleSheet.fromRows(table(HEADER, List.of(
                List.of("M01", "saline", "0.0", dir.resolve("M01/ch0").toString(), dir.resolve("M01/ch1").toString(), "2.0", "2.0", "4.0", "psl"),
                java.util.Arrays.asList("M02", "ketamine-30", null, " " + dir.resolve("M02/ch0") + " "))));
        assertEquals(fromFile.samples(), fromRows.samples());
        assertTrue(Double.isNaN(fromRows.samples().get(1).doseMgKg()));
    }

    @Test
    void rowsOfTheSchemaReadBackAsTheSameSheet() throws IOException {
        SampleSheet s = SampleSheet.read(sheet(String.join(",", HEADER) + "\nA,saline,0,a,b,2,2,4,psl\nB,k30,30,c,,,,,\n"));
        assertEquals(SampleSheet.TWO_CHANNEL_SCHEMA, s.schema());
        assertEquals(HEADER, List.of(SampleSheet.TWO_CHANNEL_SCHEMA.names()));
        List<Object[]> rows = s.rows(s.schema());
        assertEquals(dir.resolve("a").toString(), rows.get(0)[3]);
        assertEquals(null, rows.get(1)[4]);
        assertEquals(null, rows.get(1)[5]);
        List<List<String>> text = rows.stream().map(r -> java.util.Arrays.stream(r).map(v -> v == null ? "" : v.toString()).toList()).toList();
        assertEquals(s.samples(), SampleSheet.fromRows(table(HEADER, text)).samples());
        // A sheet with fewer optional columns fits the wider schema; a channel the schema lacks does not.
        SampleSheet one = SampleSheet.read(sheet("sample_id,group,dose_mg_kg,signal_path\nA,s,0,a\n"));
        assertEquals(List.of("sample_id", "group", "dose_mg_kg", "signal_path"), List.of(one.schema().names()));
        assertEquals(null, one.rows(SampleSheet.TWO_CHANNEL_SCHEMA).get(0)[8]);
        SampleSheet other = SampleSheet.read(sheet("sample_id,group,dose_mg_kg,cfos_path\nA,s,0,a\n"));
        assertThrows(IllegalArgumentException.class, () -> other.rows(SampleSheet.TWO_CHANNEL_SCHEMA));
    }

    @Test
    void writtenHeaderIsTheSchema() throws IOException {
        SampleSheet s = SampleSheet.read(sheet(String.join(",", HEADER) + "\nA,saline,0,a,b,2,2,4,psl\n"));
        s.write(dir.resolve("copy.csv"));
        assertEquals(String.join(",", HEADER), Files.readAllLines(dir.resolve("copy.csv")).get(0));
        assertEquals("A,saline,0.0,a,b,2.0,2.0,4.0,psl", Files.readAllLines(dir.resolve("copy.csv")).get(1));
    }

    @Test
    void fromRowsErrorsNameTheTableRowAndColumn() {
        String abs = dir.resolve("a").toString();
        List<String> h = List.of("sample_id", "group", "dose_mg_kg", "signal_path");
        assertTableMessage(h, List.of(List.of("A", "saline", "zero", abs)), "row 1 (Row0), column dose_mg_kg: 'zero' is not a number");
        assertTableMessage(h, List.of(List.of("A", "s", "0", abs), List.of("A", "k", "30", abs)),
                "row 2 (Row1), column sample_id: sample id 'A' appears twice");
        assertTableMessage(h, List.of(List.of("A", "", "0", abs)), "column group");
        assertTableMessage(h, List.of(List.of("A", "s", "0", "")), "has no volume path");
        assertTableMessage(h, List.of(List.of("A", "s", "-1", abs)), "dose -1.0 is not valid");
        assertTableMessage(h, List.of(List.of("A", "s", "0", "brains/a.tif")), "column signal_path: 'brains/a.tif' is a relative path");
        assertTableMessage(h, List.of(List.of("A", "s", "0", "/a\0b")), "column signal_path: '/a\0b' is not a valid path");
        assertTableMessage(List.of("sample_id", "group", "signal_path"), List.of(List.of("A", "s", abs)), "missing column(s) dose_mg_kg");
        assertTableMessage(List.of("sample_id", "group", "dose_mg_kg"), List.of(List.of("A", "s", "0")), "has no channel column");
        assertTableMessage(h, List.of(), "lists no samples");
        List<String> hv = List.of("sample_id", "group", "dose_mg_kg", "signal_path", "voxel_um_x", "voxel_um_y", "voxel_um_z", "orientation");
        assertTableMessage(hv, List.of(List.of("A", "s", "0", abs, "1", "0", "1", "")), "row 1 (Row0), column voxel_um_y");
        assertTableMessage(hv, List.of(List.of("A", "s", "0", abs, "", "", "", "xyz")), "column orientation");
        assertTableMessage(List.of("sample_id", "group", "dose_mg_kg", "signal_path", "voxel_um_x"), List.of(List.of("A", "s", "0", abs, "1")),
                "missing column(s) voxel_um_y, voxel_um_z");
    }

    @Test
    void checkColumnsNeedsNoRows() {
        SampleSheet.checkColumns(TextTable.of("t", HEADER, null, List.of()));
        InputException e = assertThrows(InputException.class,
                () -> SampleSheet.checkColumns(TextTable.of("sample sheet table", List.of("sample_id", "dose_mg_kg", "signal_path"), null, List.of())));
        assertEquals("sample sheet table: missing column(s) group (found: sample_id, dose_mg_kg, signal_path). Add the column(s) to the header line",
                e.getMessage());
    }

    private void assertTableMessage(List<String> header, List<List<String>> rows, String part) {
        InputException e = assertThrows(InputException.class, () -> SampleSheet.fromRows(table(header, rows)));
        assertTrue(e.getMessage().startsWith("sample sheet table: "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void aSheetForStatisticsNeedsNoPathColumns() throws IOException {
        Path f = dir.resolve("groups.csv");
        Files.writeString(f, "sample_id,group,dose_mg_kg\nm1,saline,0\nm2,ketamine-30,30\n");
        SampleSheet s = SampleSheet.readGroups(f);
        assertEquals(List.of("saline", "ketamine-30"), s.groups());
        assertTrue(s.samples().get(1).channels().isEmpty());
        assertEquals(30.0, s.samples().get(1).doseMgKg());
        InputException e = assertThrows(InputException.class, () -> SampleSheet.read(f));
        assertTrue(e.getMessage().contains("has no channel column"), e.getMessage());
        Files.writeString(f, "sample_id,group\nm1,saline\n");
        InputException noDose = assertThrows(InputException.class, () -> SampleSheet.readGroups(f));
        assertTrue(noDose.getMessage().contains("missing column(s) dose_mg_kg"), noDose.getMessage());
    }

    @Test
    void groupsByDoseReadAsADoseSeries() throws IOException {
        Path f = dir.resolve("doses.csv");
        Files.writeString(f, "sample_id,group,dose_mg_kg\nm1,k100,100\nm2,other,\nm3,saline,0\nm4,k30,30\nm5,k100,100\nm6,vehicle,0\n");
        SampleSheet s = SampleSheet.readGroups(f);
        // Ascending dose; equal doses in sheet order; groups without a dose last.
        assertEquals(List.of("saline", "vehicle", "k30", "k100", "other"), s.groupsByDose());
        assertEquals("k100", s.groupOf("m5"));
        assertEquals(null, s.groupOf("nobody"));
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), s.sampleIds());
    }

    @Test
    void groupsOfSamplesTakesEachSampleOnceFromAVolumeTable() {
        List<String> header = List.of("sample_id", "group", "dose_mg_kg", "channel", "path");
        SampleSheet s = SampleSheet.groupsOfSamples(table(header, List.of(List.of("m1", "saline", "0.0", "signal", "rel/a.tif"),
                List.of("m1", "saline", "0", "autofluorescence", "rel/b.tif"), List.of("m2", "k30", "30.0", "signal", "c.tif"))));
        assertEquals(List.of("m1", "m2"), s.sampleIds());
        assertEquals(30.0, s.samples().get(1).doseMgKg());
        InputException group = assertThrows(InputException.class, () -> SampleSheet.groupsOfSamples(table(header,
                List.of(List.of("m1", "saline", "0", "signal", "a"), List.of("m1", "k30", "0", "autofluorescence", "b")))));
        assertTrue(group.getMessage().contains("sample m1 is in group 'k30' here but in 'saline' in row 1"), group.getMessage());
        InputException dose = assertThrows(InputException.class, () -> SampleSheet.groupsOfSamples(table(header,
                List.of(List.of("m1", "saline", "0", "signal", "a"), List.of("m1", "saline", "1", "autofluorescence", "b")))));
        assertTrue(dose.getMessage().contains("dose_mg_kg") && dose.getMessage().contains("has dose '1' here"), dose.getMessage());
        InputException empty = assertThrows(InputException.class, () -> SampleSheet.groupsOfSamples(table(header,
                List.of(List.of("m1", "saline", "0", "signal", "a"), List.of("m2", "", "0", "signal", "b")))));
        assertTrue(empty.getMessage().contains("empty group for sample m2"), empty.getMessage());
    }
}

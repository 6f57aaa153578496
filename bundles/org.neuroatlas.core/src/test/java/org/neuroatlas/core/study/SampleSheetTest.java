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
}

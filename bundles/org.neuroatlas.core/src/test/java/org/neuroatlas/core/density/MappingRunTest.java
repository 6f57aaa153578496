package org.neuroatlas.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.TextTable;

/** The table-reading and transform-finding parts of {@link MappingRun} shared by {@code map} and the Atlas Mapper node. */
class MappingRunTest {

    static TextTable table(List<String> header, List<List<String>> rows) {
        return TextTable.of("t", header, null, rows);
    }

    @Test
    void registrationTablesGiveOneAbsoluteTransformFolderPerSample() {
        List<String> h = List.of("sample_id", "transform_dir");
        Map<String, Path> dirs = MappingRun.transformDirs(table(h, List.of(List.of("A", "/r/A/transform"), List.of("B", "/r/B"))));
        assertEquals(Map.of("A", Path.of("/r/A/transform"), "B", Path.of("/r/B")), dirs);
        assertEquals(List.of("A", "B"), List.copyOf(dirs.keySet()));
        assertMessage(() -> MappingRun.transformDirs(table(h, List.of(List.of("A", "r/A")))), "t: row 1, column transform_dir: 'r/A' is not an absolute path");
        assertMessage(() -> MappingRun.transformDirs(table(h, List.of(List.of("", "/r/A")))), "t: row 1, column sample_id: is empty");
        assertMessage(() -> MappingRun.transformDirs(table(h, List.of(List.of("A", "/r/A"), List.of("A", "/r/B")))),
                "t: row 2, column sample_id: sample 'A' is listed twice");
        assertMessage(() -> MappingRun.transformDirs(table(List.of("sample_id"), List.of())), "t: missing column(s) transform_dir");
    }

    @Test
    void cellsAreGroupedBySampleInOrderOfFirstAppearance() {
        TextTable t = table(List.of("sample_id", "x_um", "y_um", "z_um"), List.of(List.of("B", "1", "2", "3"), List.of("A", "4", "5", "6"),
                List.of("B", "7", "8", "9")));
        Map<String, int[]> rows = MappingRun.rowsBySample(t);
        assertEquals(List.of("B", "A"), List.copyOf(rows.keySet()));
        assertArrayEquals(new int[] {0, 2}, rows.get("B"));
        CellPositions b = MappingRun.subset(CellPositions.from(t), rows.get("B"));
        assertEquals(2, b.size());
        assertEquals(7.0, b.xUm(1));
        assertMessage(() -> MappingRun.rowsBySample(table(List.of("sample_id"), List.of(List.of("")))), "t: row 1, column sample_id: is empty");
    }

    @Test
    void theTransformFolderIsTheFolderOrItsTransformSubfolder(@TempDir Path dir) throws Exception {
        Path inner = Files.createDirectories(dir.resolve("reg").resolve("transform"));
        Files.writeString(inner.resolve("transform.json"), "{}");
        assertEquals(inner, MappingRun.transformFolder(dir.resolve("reg"), "--registration"));
        assertEquals(inner, MappingRun.transformFolder(inner, "--registration"));
        assertMessage(() -> MappingRun.transformFolder(dir.resolve("none"), "transform_dir"), "parameter transform_dir: " + dir.resolve("none")
                + " does not exist");
        assertMessage(() -> MappingRun.transformFolder(dir, "x"), dir + ": holds neither transform.json nor transform/transform.json");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String start) {
        InputException e = assertThrows(InputException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}

package org.neuroatlas.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

    @TempDir
    Path dir;

    private static final TableSchema SCHEMA = TableSchema.of(Column.string("region", ""), Column.integer("n", ""),
            Column.longInt("voxels", ""), Column.real("density", ""));

    @Test
    void writesHeaderQuotedStringsMissingValuesAndRoundTripDoubles() throws IOException {
        Path out = dir.resolve("t.csv");
        CsvTableWriter.write(out, SCHEMA, List.of(new Object[] {"Frontal pole, layer 1", 3, 5_000_000_000L, 0.1 + 0.2},
            new Object[] {"VTA", null, 0L, Double.NaN}));
        assertEquals("region,n,voxels,density\n\"Frontal pole, layer 1\",3,5000000000,0.30000000000000004\nVTA,,0,NaN\n", Files.readString(out));
        CsvTable back = CsvTable.read(out);
        assertEquals(0.1 + 0.2, back.getDouble(0, "density", false));
        assertEquals("Frontal pole, layer 1", back.get(0, "region"));
    }

    @Test
    void uncommittedWriteLeavesNoFileAndWrongTypesAreRejected() throws IOException {
        Path out = dir.resolve("t.csv");
        try (CsvTableWriter w = new CsvTableWriter(out, SCHEMA)) {
            w.add("VTA", 1, 2L, 3.0);
            assertThrows(IllegalArgumentException.class, () -> w.add("VTA", 1.0, 2L, 3.0));
        }
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}

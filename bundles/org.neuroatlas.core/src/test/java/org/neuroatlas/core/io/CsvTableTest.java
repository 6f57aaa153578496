package org.neuroatlas.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;

/** Line numbers in messages are the file's lines, whatever blank lines and quoted line breaks come before. */
class CsvTableTest {

    @Test
    void linesCountBlankLinesAndQuotedLineBreaks(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b\n1,2\n\n3,\"x\ny\"\n4,5");
        CsvTable t = CsvTable.read(f);
        assertEquals(3, t.size());
        assertEquals(2, t.line(0));
        assertEquals(5, t.line(1)); // the record ends on line 5
        assertEquals(6, t.line(2)); // the last line has no line break
        InputException e = t.error(2, "b", "is wrong", "Fix it");
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
    }
}

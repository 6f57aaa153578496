package org.neuroatlas.core.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;

/** Reading cell positions from CSV: extra columns ignored, errors naming file, line and column. */
class CellPositionsTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsTheCoordinateColumnsInAnyOrderIgnoringOthers() throws IOException {
        Path f = csv("cells.csv", "sample_id,z_um,cell_id,y_um,x_um,acronym\ns1,3.5,1,2,1,VTA\n\ns1,-6,2,5e1,4,\"SNc, pars\"\n");
        CellPositions p = CellPositions.read(f);
        assertEquals(2, p.size());
        assertEquals(1, p.xUm(0));
        assertEquals(2, p.yUm(0));
        assertEquals(3.5, p.zUm(0));
        assertEquals(50, p.yUm(1));
        assertEquals(-6, p.zUm(1));
        assertEquals(0, CellPositions.read(csv("empty.csv", "x_um,y_um,z_um\n")).size());
    }

    @Test
    void insideKeepsTheCellsInTheBoxInOrder() {
        CellPositions p = CellPositions.of(new double[] {0, 0, 0}, new double[] {10, 5, 5}, new double[] {9.9, 5, 5}, new double[] {5, 5, 10.1},
                new double[] {2, 3, 4});
        CellPositions in = p.inside(new double[] {0, 0, 0}, new double[] {10, 10, 10});
        assertEquals(4, in.size()); // the faces belong to the box; (5, 5, 10.1) lies outside
        assertEquals(0, in.xUm(0));
        assertEquals(10, in.xUm(1));
        assertEquals(9.9, in.xUm(2));
        assertEquals(4, in.zUm(3));
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        Path nan = csv("nan.csv", "x_um,y_um,z_um\n1,2,3\n4,NaN,6\n");
        InputException e = assertThrows(InputException.class, () -> CellPositions.read(nan));
        assertTrue(e.getMessage().startsWith(nan + ": line 3, column y_um: 'NaN' is not a finite number"), e.getMessage());

        for (String v : new String[] {"Infinity", "-inf", "nan", "NA"}) {
            Path inf = csv("inf.csv", "x_um,y_um,z_um\n1,2," + v + "\n");
            e = assertThrows(InputException.class, () -> CellPositions.read(inf));
            assertTrue(e.getMessage().contains("line 2, column z_um: '" + v + "' is not a finite number"), e.getMessage());
        }

        Path text = csv("text.csv", "x_um,y_um,z_um\n1,2,3\n5,6,7\n1,2µm,3\n");
        e = assertThrows(InputException.class, () -> CellPositions.read(text));
        assertTrue(e.getMessage().contains("line 4, column y_um: '2µm' is not a number"), e.getMessage());

        Path empty = csv("blank.csv", "x_um,y_um,z_um\n,2,3\n");
        e = assertThrows(InputException.class, () -> CellPositions.read(empty));
        assertTrue(e.getMessage().contains("line 2, column x_um: the coordinate is empty"), e.getMessage());

        Path short_ = csv("short.csv", "x_um,y_um,z_um\n1,2\n");
        e = assertThrows(InputException.class, () -> CellPositions.read(short_));
        assertTrue(e.getMessage().contains("line 2, column z_um"), e.getMessage());
    }

    @Test
    void missingColumnsAndFilesAreReported() throws IOException {
        Path voxels = csv("voxels.csv", "x,y,z\n1,2,3\n");
        InputException e = assertThrows(InputException.class, () -> CellPositions.read(voxels));
        assertTrue(e.getMessage().contains("missing column(s) x_um, y_um, z_um (found: x, y, z)"), e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> CellPositions.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("nope.csv: does not exist"), missing.getMessage());
    }

    @Test
    void inMemoryInputRejectsNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> CellPositions.of(new double[] {1, 2, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> CellPositions.of(new double[] {1}, new double[0], new double[0]));
    }
}

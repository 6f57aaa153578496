package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;

/**
 * {@code neuroatlas benchmark detect} on tiny volumes: the figures it prints, scoring against the truth, and what
 * it says when scikit-image is missing. (The figures themselves are not asserted: this is about the plumbing.)
 */
class DetectBenchmarkTest {

    @TempDir
    static Path dir;
    /** Laid out like a simulated brain: signal/ (TIFF planes) and cells.csv. */
    static Path brain;
    static int blobs;

    @BeforeAll
    static void writeBrain() throws IOException {
        SyntheticVolume.Blobs b = new SyntheticVolume.Blobs(new long[] {64, 64, 32}, VoxelSize.isotropic(5));
        brain = dir.resolve("brain");
        TiffWriter.writeSeries(b.volume(), brain.resolve(DetectBenchmark.SIGNAL), "signal", Progress.NONE);
        double[][] c = b.centresUm();
        blobs = c[0].length;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < blobs; i++) {
            rows.add(new Object[] {"b" + i, c[0][i], c[1][i], c[2][i]});
        }
        CsvTableWriter.write(brain.resolve("cells.csv"), TableSchema.of(Column.string("cell_id", ""), Column.real("x_um", ""), Column.real("y_um", ""),
                Column.real("z_um", "")), rows);
    }

    @Test
    void aSyntheticVolumeIsScoredAgainstItsPlantedBlobs() {
        CliTest.Result r = CliTest.run("benchmark", "detect", "--synthetic-gb", "0.0005", "--plane", "64", "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("volume:     synthetic (computed block by block, never held): 64 × 64 × 61 voxels"), r.out());
        assertTrue(r.out().contains("planted blobs"), r.out());
        assertTrue(r.out().contains("F1 1.0000"), r.out());
        assertTrue(r.out().contains("heap bar:   completed in a "), r.out());
        assertTrue(r.out().contains("blob_dog:   not run"), r.out());
    }

    @Test
    void withoutScikitImageItSaysHowToInstallItAndStillMeasuresOurs() {
        CliTest.Result r = CliTest.run("benchmark", "detect", "--volume", brain.toString(), "--python", dir.resolve("no-such-python3").toString(),
                "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("truth:      " + blobs + " true cells (" + brain.resolve("cells.csv") + ")"), r.out());
        assertTrue(r.out().contains("NeuroAtlas: " + blobs + " cells in "), r.out());
        assertTrue(r.out().contains("precision 1.0000, recall 1.0000, F1 1.0000"), r.out());
        assertTrue(r.out().contains("blob_dog:   not run: Python 3 was not found (" + dir.resolve("no-such-python3") + ": not found). Install them with: "
                + "sudo apt install python3-skimage python3-tifffile"), r.out());
    }

    @Test
    void blobDogRunsWhereScikitImageIsInstalled() {
        assumeTrue(BlobDogReference.find(null).python() != null, "no Python with scikit-image here");
        CliTest.Result r = CliTest.run("benchmark", "detect", "--volume", brain.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("blob_dog:   scikit-image "), r.out());
        assertEquals(2, r.out().split("vs truth", -1).length - 1, "both detectors scored: " + r.out());
        assertTrue(r.out().contains("ratio:      NeuroAtlas / blob_dog = "), r.out());
    }

    @Test
    void badOptionsNameTheParameter() {
        CliTest.Result both = CliTest.run("benchmark", "detect", "--volume", brain.toString(), "--synthetic-gb", "1");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, both.exit());
        assertTrue(both.err().startsWith("error: parameter --volume: "), both.err());
        CliTest.Result block = CliTest.run("benchmark", "detect", "--volume", brain.toString(), "--blob-dog-block", "1000,1000");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, block.exit());
        assertTrue(block.err().startsWith("error: parameter --blob-dog-block: "), block.err());
        CliTest.Result gb = CliTest.run("benchmark", "detect", "--synthetic-gb", "-1");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, gb.exit());
        assertTrue(gb.err().startsWith("error: parameter --synthetic-gb: "), gb.err());
    }
}

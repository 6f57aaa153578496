package org.neuroatlas.core.volume.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.nrrd.TestVolumes;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/** Imaris .ims files written by the test with jhdf: padded datasets, character-array attributes, 2 channels, 2 levels. */
class ImarisFormatTest {

    @TempDir
    Path dir;

    private final ImarisFormat format = new ImarisFormat();
    private final BlockCache cache = new BlockCache(16L << 20);

    private ReadOptions options(int channel, int level) {
        return ReadOptions.defaults().withSetup(channel).withLevel(level).withCache(cache);
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void trueSizeVoxelSizeAndVoxelsOfEveryChannelAndLevel(PixelType type) throws IOException {
        Path ims = Hdf5Fixtures.writeIms(dir.resolve("sample-" + type + ".ims"), type, 2, false);
        assertTrue(format.canOpen(ims));
        for (int c = 0; c < 2; c++) {
            for (int level = 0; level < 2; level++) {
                ReadOptions o = options(c, level);
                VolumeHeader h = format.readHeader(ims, o);
                long[] d = Hdf5Fixtures.IMS_LEVELS[level];
                assertArrayEquals(d, h.dimensions(), "the true size, not the padded dataset size");
                assertEquals(type, h.pixelType());
                // extent 25 × 20 × 60 µm over 50 × 40 × 30 voxels, and over half as many at level 1
                double f = level == 0 ? 1 : 2;
                assertEquals(new VoxelSize(0.5 * f, 0.5 * f, 2 * f), h.voxelSizeUm().orElseThrow());
                assertEquals("imaris", h.format());
                assertEquals(level == 0 ? "64×48×32 (padded to whole chunks)" : "32×32×16 (padded to whole chunks)",
                        h.details().get("stored size"));
                assertEquals(c == 0 ? "GFP" : "cFos", h.details().get("channel name"), "character-array attribute joined");
                assertEquals("5.5.0", h.details().get("Imaris version"));
                assertEquals("um", h.details().get("unit"));
                try (Volume<?> v = format.open(ims, o, h)) {
                    Object voxels = TestVolumes.readAll(v);
                    for (int z = 0; z < d[2]; z++) {
                        for (int y = 0; y < d[1]; y++) {
                            for (int x = 0; x < d[0]; x++) {
                                int i = (int) ((z * d[1] + y) * d[0] + x);
                                assertEquals(Hdf5Fixtures.imsValue(type, c, level, x, y, z), type.get(voxels, i),
                                        type + " channel " + c + " level " + level + " voxel " + x + "," + y + "," + z);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void missingChannelTimepointOrLevelListsWhatExists() throws IOException {
        Path ims = Hdf5Fixtures.writeIms(dir.resolve("two.ims"), PixelType.UINT16, 2, false);
        InputException e = assertThrows(InputException.class, () -> format.readHeader(ims, options(2, 0)));
        assertEquals(ims + ": has no channel 2 (in /DataSet/ResolutionLevel 0/TimePoint 0); it has channels 0, 1. "
                + "Choose one that exists (the channel (setup) option)", e.getMessage());
        e = assertThrows(InputException.class, () -> format.readHeader(ims, options(0, 4)));
        assertTrue(e.getMessage().contains("has no resolution level 4 (in /DataSet); it has resolution levels 0, 1"), e.getMessage());
        e = assertThrows(InputException.class, () -> format.readHeader(ims, options(0, 0).withTimepoint(1)));
        assertTrue(e.getMessage().contains("has no timepoint 1"), e.getMessage());
    }

    @Test
    void signedVoxelsAreRefused() throws IOException {
        Path ims = Hdf5Fixtures.writeIms(dir.resolve("signed.ims"), PixelType.UINT16, 1, true);
        InputException e = assertThrows(InputException.class, () -> format.readHeader(ims, options(0, 0)));
        assertTrue(e.getMessage().startsWith(ims + ": dataset /DataSet/ResolutionLevel 0/TimePoint 0/Channel 0/Data holds voxels of type int16"),
                e.getMessage());
    }

    @Test
    void notImaris() throws IOException {
        Path text = Files.writeString(dir.resolve("text.ims"), "not hdf5 at all");
        InputException e = assertThrows(InputException.class, () -> format.readHeader(text, options(0, 0)));
        assertTrue(e.getMessage().startsWith(text + ": is not a readable HDF5 file"), e.getMessage());

        Path otherHdf5 = dir.resolve("other.ims");
        try (WritableHdfFile f = HdfFile.write(otherHdf5)) {
            f.putGroup("something").putDataset("x", new int[] {1, 2, 3});
        }
        e = assertThrows(InputException.class, () -> format.readHeader(otherHdf5, options(0, 0)));
        assertTrue(e.getMessage().startsWith(otherHdf5 + ": is not an Imaris file (it has no /DataSet group)"), e.getMessage());
        assertFalse(format.canOpen(dir.resolve("sample.h5")));
    }

    @Test
    void openingReadsNoVoxel() throws IOException {
        Path ims = Hdf5Fixtures.writeIms(dir.resolve("lazy.ims"), PixelType.UINT16, 1, false);
        try (Volume<?> v = format.open(ims, options(0, 0), format.readHeader(ims, options(0, 0)))) {
            assertEquals(0, cache.hitsAndMisses()[1]);
            assertEquals(50, v.sizeX());
        }
    }
}

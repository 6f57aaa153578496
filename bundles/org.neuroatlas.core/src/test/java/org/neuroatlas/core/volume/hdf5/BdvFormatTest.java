package org.neuroatlas.core.volume.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.nrrd.TestVolumes;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/** BigDataViewer XML + HDF5, on files written by the test with jhdf (see {@link Hdf5Fixtures}). */
class BdvFormatTest {

    @TempDir
    Path dir;

    private Path xml;
    private final BdvFormat format = new BdvFormat();
    private final BlockCache cache = new BlockCache(16L << 20);

    @BeforeEach
    void write() throws IOException {
        xml = Hdf5Fixtures.writeBdv(dir, "brain");
    }

    private ReadOptions options(int setup, int level) {
        return ReadOptions.defaults().withSetup(setup).withLevel(level).withCache(cache);
    }

    private Volume<?> open(Path p, ReadOptions o) throws IOException {
        return format.open(p, o, format.readHeader(p, o));
    }

    @Test
    void everySetupAndLevelHasItsSizeVoxelSizeAndVoxels() throws IOException {
        VoxelSize[] base = {new VoxelSize(0.5, 0.5, 2), new VoxelSize(0.65, 0.65, 2.5)};
        for (int s = 0; s < 2; s++) {
            for (int level = 0; level < 2; level++) {
                ReadOptions o = options(s, level);
                VolumeHeader h = format.readHeader(xml, o);
                long[] d = Hdf5Fixtures.BDV_LEVELS[level];
                assertArrayEquals(d, h.dimensions());
                assertEquals(PixelType.UINT16, h.pixelType(), "int16 storage holds uint16 voxels");
                double f = level == 0 ? 1 : 2;
                VoxelSize v = h.voxelSizeUm().orElseThrow();
                assertEquals(base[s].xUm() * f, v.xUm(), 1e-12);
                assertEquals(base[s].yUm() * f, v.yUm(), 1e-12);
                assertEquals(base[s].zUm() * f, v.zUm(), 1e-12);
                assertEquals("bdv-hdf5", h.format());
                assertEquals(Integer.toString(s), h.details().get("channel"));
                assertTrue(h.details().get("stored type").startsWith("int16"));
                assertEquals(level == 0 ? "chunked 16×16×8 (x×y×z), deflate" : "chunked 8×8×8 (x×y×z), deflate", h.details().get("storage"));
                try (Volume<?> vol = open(xml, o)) {
                    short[] voxels = (short[]) TestVolumes.readAll(vol);
                    for (int z = 0; z < d[2]; z++) {
                        for (int y = 0; y < d[1]; y++) {
                            for (int x = 0; x < d[0]; x++) {
                                int i = (int) ((z * d[1] + y) * d[0] + x);
                                assertEquals(Hdf5Fixtures.bdvValue(s, level, x, y, z), voxels[i] & 0xffff,
                                        "setup " + s + " level " + level + " voxel " + x + "," + y + "," + z);
                            }
                        }
                    }
                    assertTrue(vol.name().contains("setup " + s));
                }
            }
        }
    }

    @Test
    void openingReadsNoVoxelAndClosingDropsTheBlocks() throws IOException {
        try (Volume<?> v = open(xml, options(1, 0))) {
            assertEquals(0, cache.hitsAndMisses()[1]);
            // Voxel access goes through the cache (box copies read the file directly, see VolumeBlocks).
            net.imglib2.RandomAccess<? extends net.imglib2.type.numeric.RealType<?>> ra = v.voxels().randomAccess();
            ra.setPosition(new long[] {39, 29, 19});
            assertEquals(Hdf5Fixtures.bdvValue(1, 0, 39, 29, 19), (int) ra.get().getRealDouble(), "far corner, in a partial chunk");
            assertTrue(cache.usedBytes() > 0);
        }
        assertEquals(0, cache.usedBytes());
    }

    @Test
    void theH5PathFindsItsXmlOrReadsWithoutOne() throws IOException {
        Path h5 = dir.resolve("brain.h5");
        assertTrue(format.canOpen(xml));
        assertTrue(format.canOpen(h5));
        VolumeHeader viaH5 = format.readHeader(h5, options(0, 1));
        assertEquals(new VoxelSize(1, 1, 4), viaH5.voxelSizeUm().orElseThrow(), "voxel size from the sibling XML");

        Path lone = Files.copy(h5, dir.resolve("lone.h5"));
        assertTrue(format.canOpen(lone), "recognised by its s00/resolutions layout");
        VolumeHeader h = format.readHeader(lone, options(1, 1));
        assertTrue(h.voxelSizeUm().isEmpty(), "no XML: voxel size unknown");
        assertEquals("0, 1", h.details().get("setups"));
        assertArrayEquals(Hdf5Fixtures.BDV_LEVELS[1], h.dimensions());
        try (Volume<?> v = format.open(lone, options(1, 1), h.withVoxelSize(VoxelSize.isotropic(3)))) {
            short[] voxels = (short[]) TestVolumes.readAll(v);
            assertEquals(Hdf5Fixtures.bdvValue(1, 1, 5, 4, 3), voxels[(3 * 15 + 4) * 20 + 5] & 0xffff);
        }
    }

    @Test
    void otherFilesAreNotClaimed() throws IOException {
        Path other = Files.writeString(dir.resolve("settings.xml"), "<?xml version=\"1.0\"?><settings/>");
        assertFalse(format.canOpen(other));
        Path notH5 = Files.writeString(dir.resolve("notes.h5"), "just text");
        assertFalse(format.canOpen(notH5));
        assertFalse(format.canOpen(dir.resolve("missing.xml")));
    }

    @Test
    void missingSetupTimepointOrLevelListsWhatExists() {
        InputException e = assertThrows(InputException.class, () -> format.readHeader(xml, options(5, 0)));
        assertEquals(xml + ": has no view setup 5; its setups are 0, 1. Choose one of them as the setup (channel) to read", e.getMessage());
        e = assertThrows(InputException.class, () -> format.readHeader(xml, options(0, 0).withTimepoint(3)));
        assertTrue(e.getMessage().contains("has no timepoint 3; its timepoints are 0"), e.getMessage());
        e = assertThrows(InputException.class, () -> format.readHeader(xml, options(0, 2)));
        assertTrue(e.getMessage().contains("has no resolution level 2 for setup 0; its levels are 0–1"), e.getMessage());
    }

    @Test
    void brokenOrForeignXml() throws IOException {
        Path n5 = Files.writeString(dir.resolve("n5.xml"), Hdf5Fixtures.bdvXml("brain.h5", "bdv.n5", ""));
        InputException e = assertThrows(InputException.class, () -> format.readHeader(n5, options(0, 0)));
        assertTrue(e.getMessage().startsWith(n5 + ": stores its voxels with image loader 'bdv.n5'"), e.getMessage());

        Path gone = Files.writeString(dir.resolve("gone.xml"), Hdf5Fixtures.bdvXml("gone.h5", "bdv.hdf5", ""));
        e = assertThrows(InputException.class, () -> format.readHeader(gone, options(0, 0)));
        assertTrue(e.getMessage().contains("names the HDF5 file " + dir.resolve("gone.h5") + ", which does not exist"), e.getMessage());

        Path missingView = Files.writeString(dir.resolve("mv.xml"),
                Hdf5Fixtures.bdvXml("brain.h5", "bdv.hdf5", "<MissingViews><View timepoint=\"0\" setup=\"1\"/></MissingViews>"));
        e = assertThrows(InputException.class, () -> format.readHeader(missingView, options(1, 0)));
        assertTrue(e.getMessage().contains("lists view setup 1 at timepoint 0 as missing"), e.getMessage());

        Path bad = Files.writeString(dir.resolve("bad.xml"), "<SpimData><SequenceDescription>");
        e = assertThrows(InputException.class, () -> format.readHeader(bad, options(0, 0)));
        assertTrue(e.getMessage().startsWith(bad + ": is not well-formed XML"), e.getMessage());
    }

    /** A cut .h5 fails with a user-facing error naming it, at header time or at the latest on reading the voxels. */
    @Test
    void truncatedHdf5() throws IOException {
        Path h5 = dir.resolve("brain.h5");
        byte[] whole = Files.readAllBytes(h5);
        for (double keep : new double[] {0.2, 0.6, 0.95}) {
            Files.write(h5, java.util.Arrays.copyOf(whole, (int) (whole.length * keep)));
            InputException e = assertThrows(InputException.class, () -> {
                for (int level = 0; level < 2; level++) {
                    for (int s = 0; s < 2; s++) {
                        try (Volume<?> v = open(xml, options(s, level).withCache(new BlockCache(1 << 20)))) {
                            TestVolumes.readAll(v);
                        }
                    }
                }
            }, "kept " + keep);
            assertTrue(e.getMessage().startsWith(h5 + ": "), e.getMessage());
        }
    }

    /** Damaged compressed voxels: the header reads, the block read fails with a user-facing error naming the file. */
    @Test
    void damagedChunk() throws IOException {
        Path h5 = dir.resolve("brain.h5");
        byte[] chunk;
        try (HdfFile f = new HdfFile(h5)) {
            java.nio.ByteBuffer raw = ((io.jhdf.api.dataset.ChunkedDataset) f.getDatasetByPath("t00000/s00/0/cells"))
                    .getRawChunkBuffer(new int[] {0, 0, 0});
            chunk = new byte[raw.remaining()];
            raw.get(chunk);
        }
        byte[] file = Files.readAllBytes(h5);
        int at = indexOf(file, chunk);
        assertTrue(at > 0, "compressed chunk found in the file");
        for (int i = at + 2; i < at + chunk.length - 8; i++) {
            file[i] = (byte) 0xff; // keep the zlib header, wreck the deflate stream
        }
        Files.write(h5, file);
        VolumeHeader h = format.readHeader(xml, options(0, 0));
        try (Volume<?> v = format.open(xml, options(0, 0), h)) {
            InputException e = assertThrows(InputException.class, () -> VolumeBlocks.read(v, new long[3], new int[] {1, 1, 1}));
            assertTrue(e.getMessage().startsWith(h5 + ": reading voxels of /t00000/s00/0/cells failed"), e.getMessage());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void concurrentReadsEqualSequentialOnes() throws IOException {
        try (Volume<?> a = open(xml, options(0, 0)); Volume<?> b = open(xml, options(0, 0).withCache(new BlockCache(1 << 20)))) {
            short[] expected = (short[]) TestVolumes.readAll(a);
            int plane = 40 * 30;
            short[] got = new short[expected.length];
            LongStream.range(0, 20).parallel().forEach(z -> System.arraycopy(VolumeBlocks.readPlane(b, z), 0, got, (int) z * plane, plane));
            assertArrayEquals(expected, got);
        }
    }

    /**
     * Newer BigDataViewer versions store other types: unsigned 8-bit, 32-bit and float; here also a contiguous
     * (unchunked) dataset.
     */
    @Test
    void otherStoredTypesAndContiguousStorage() throws IOException {
        Path h5 = dir.resolve("types.h5");
        long[] d = {9, 7, 5};
        PixelType[] types = {PixelType.UINT8, PixelType.UINT32, PixelType.FLOAT32};
        try (WritableHdfFile f = HdfFile.write(h5)) {
            for (int s = 0; s < 3; s++) {
                WritableGroup sg = f.putGroup(String.format("s%02d", s));
                sg.putDataset("resolutions", new double[][] {{1, 1, 1}});
                sg.putDataset("subdivisions", new int[][] {{4, 4, 4}});
            }
            WritableGroup t = f.putGroup("t00000");
            for (int s = 0; s < 3; s++) {
                PixelType type = types[s];
                Object data = Hdf5Fixtures.zyx(type, d, d, i -> type == PixelType.UINT32 ? i | 0x80000000 : i, 0);
                DatasetCreationOptions.Builder o = DatasetCreationOptions.builder();
                if (type != PixelType.FLOAT32) {
                    o.unsigned();
                }
                if (s == 1) {
                    o.chunkDimensions(2, 4, 4).deflate();
                }
                t.putGroup(String.format("s%02d", s)).putGroup("0").putDataset("cells", data, o.build());
            }
        }
        for (int s = 0; s < 3; s++) {
            ReadOptions o = options(s, 0);
            VolumeHeader h = format.readHeader(h5, o);
            assertEquals(types[s], h.pixelType());
            assertEquals(s == 1 ? "chunked 4×4×2 (x×y×z), deflate" : "contiguous", h.details().get("storage"));
            try (Volume<?> v = format.open(h5, o, h.withVoxelSize(VoxelSize.isotropic(1)))) {
                Object voxels = TestVolumes.readAll(v);
                for (int i = 0; i < 9 * 7 * 5; i++) {
                    double expected = switch (types[s]) {
                        case UINT32 -> Integer.toUnsignedLong(i | 0x80000000);
                        case FLOAT32 -> i + 0.25;
                        case UINT8 -> i % 256;
                        default -> i;
                    };
                    assertEquals(expected, types[s].get(voxels, i), types[s] + " voxel " + i);
                }
            }
        }
    }
}

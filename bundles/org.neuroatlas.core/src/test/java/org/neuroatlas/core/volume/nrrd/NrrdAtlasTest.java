package org.neuroatlas.core.volume.nrrd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

/** The NRRD reader on the real Allen CCFv3 files in shared/atlas (read in place, never copied). */
class NrrdAtlasTest {

    @TempDir
    Path temp;

    private final BlockCache cache = new BlockCache(64L << 20);

    private Volume<?> open(String file) throws IOException {
        Path p = SharedData.atlas(file);
        NrrdFormat f = new NrrdFormat(temp);
        ReadOptions o = ReadOptions.defaults().withCache(cache);
        return f.open(p, o, f.readHeader(p, o));
    }

    @Test
    void headersOfTheAllenFiles() throws IOException {
        NrrdFormat f = new NrrdFormat(temp);
        assertHeader(f, "annotation_25.nrrd", new long[] {528, 320, 456}, PixelType.UINT32, 25);
        assertHeader(f, "annotation_50.nrrd", new long[] {264, 160, 228}, PixelType.UINT32, 50);
        assertHeader(f, "annotation_100.nrrd", new long[] {132, 80, 114}, PixelType.UINT32, 100);
        assertHeader(f, "average_template_100.nrrd", new long[] {132, 80, 114}, PixelType.UINT16, 100);

        VolumeHeader h = f.readHeader(SharedData.atlas("annotation_100.nrrd"), ReadOptions.defaults());
        assertEquals("nrrd", h.format());
        assertEquals("gzip", h.details().get("encoding"));
        assertEquals("little", h.details().get("endian"));
        assertEquals("left-posterior-superior", h.details().get("space"));
        assertEquals("(0,0,0)", h.details().get("space origin"));
        assertTrue(h.details().get("voxel size unit").startsWith("µm (assumed"), h.details().toString());
        assertTrue(h.orientation().isEmpty(), "the LPS label of Allen's files must not become an orientation");
        assertEquals(Files.size(SharedData.atlas("annotation_100.nrrd")), h.fileBytes());
    }

    private static void assertHeader(NrrdFormat f, String file, long[] dims, PixelType type, double um) throws IOException {
        assertTrue(f.canOpen(SharedData.atlas(file)));
        VolumeHeader h = f.readHeader(SharedData.atlas(file), ReadOptions.defaults());
        assertArrayEquals(dims, h.dimensions(), file);
        assertEquals(type, h.pixelType(), file);
        assertEquals(VoxelSize.isotropic(um), h.voxelSizeUm().orElseThrow(), file);
    }

    /** ClearMap's 25 µm annotation subsampled [::2,::2,::2] equals Allen's 50 µm one at every voxel (see README). */
    @Test
    void annotation25SubsampledEqualsAnnotation50EverywhereStreamingPlaneByPlane() throws IOException {
        try (Volume<?> v25 = open("annotation_25.nrrd"); Volume<?> v50 = open("annotation_50.nrrd")) {
            int nx50 = (int) v50.sizeX();
            int ny50 = (int) v50.sizeY();
            int nx25 = (int) v25.sizeX();
            long compared = 0;
            long mismatches = 0;
            long nonZero = 0;
            for (long z = 0; z < v50.sizeZ(); z++) {
                int[] p50 = (int[]) VolumeBlocks.readPlane(v50, z);
                int[] p25 = (int[]) VolumeBlocks.readPlane(v25, 2 * z);
                for (int y = 0; y < ny50; y++) {
                    for (int x = 0; x < nx50; x++) {
                        int a = p50[y * nx50 + x];
                        if (a != p25[2 * y * nx25 + 2 * x]) {
                            mismatches++;
                        }
                        nonZero += a != 0 ? 1 : 0;
                        compared++;
                    }
                }
            }
            assertEquals(264L * 160 * 228, compared);
            assertEquals(0, mismatches, "voxels where annotation_25[::2,::2,::2] != annotation_50");
            assertTrue(nonZero > compared / 4, "the brain should fill a good part of the grid: " + nonZero);
        }
    }

    @Test
    void knownFactsOfAnnotation100AndTemplate() throws IOException {
        try (Volume<?> a = open("annotation_100.nrrd"); Volume<?> t = open("average_template_100.nrrd")) {
            int[] labels = (int[]) TestVolumes.readAll(a);
            assertEquals(0, labels[0], "corner voxel is outside the brain");
            assertEquals(0, labels[labels.length - 1], "far corner voxel is outside the brain");
            long max = 0;
            Set<Integer> distinct = new HashSet<>();
            for (int l : labels) {
                max = Math.max(max, Integer.toUnsignedLong(l));
                if (l != 0) {
                    distinct.add(l);
                }
            }
            assertEquals(614454277L, max, "largest CCF 2017 structure id");
            assertEquals(669, distinct.size(), "non-zero labels in annotation_100 (README)");

            short[] template = (short[]) TestVolumes.readAll(t);
            int tmax = 0;
            double sum = 0;
            for (short s : template) {
                tmax = Math.max(tmax, s & 0xffff);
                sum += s & 0xffff;
            }
            assertEquals(516, tmax);
            assertEquals(59.9, sum / template.length, 0.05, "mean of the template (README)");
        }
    }

    @Test
    void openingDecompressesNothingUntilTheFirstVoxelIsRead() throws IOException {
        Path p = SharedData.atlas("annotation_25.nrrd");
        NrrdFormat f = new NrrdFormat(temp);
        ReadOptions o = ReadOptions.defaults().withCache(cache);
        Volume<?> v = f.open(p, o, f.readHeader(p, o));
        try {
            assertEquals(List.of(), list(temp), "no temporary file at open");
            assertEquals(0, cache.hitsAndMisses()[1], "no block loaded at open");
            assertEquals(0, cache.usedBytes());

            // First access: decompress once into one temporary raw file as large as the voxels, then serve blocks.
            long[] centre = {264, 160, 228};
            int[] one = (int[]) VolumeBlocks.read(v, centre, new int[] {1, 1, 1});
            List<Path> files = list(temp);
            assertEquals(1, files.size());
            assertEquals(528L * 320 * 456 * 4, Files.size(files.get(0)));
            try (Volume<?> v50 = open("annotation_50.nrrd")) {
                int[] expected = (int[]) VolumeBlocks.read(v50, new long[] {132, 80, 114}, new int[] {1, 1, 1});
                assertEquals(expected[0], one[0], "25 µm voxel (264,160,228) = 50 µm voxel (132,80,114)");
                assertTrue(one[0] != 0, "the centre of the grid is inside the brain");
            }
            assertEquals(1, list(temp).size(), "decompressed only once");
        } finally {
            v.close();
        }
        assertEquals(List.of(), list(temp), "the temporary file is deleted on close");
        assertEquals(0, cache.usedBytes(), "the closed volume's blocks leave the cache");
    }

    /** Many threads hitting a fresh gzip volume at once: one decompression, the same voxels as a sequential read. */
    @Test
    void concurrentFirstAccessGivesTheSameVoxels() throws IOException {
        try (Volume<?> seq = open("annotation_50.nrrd"); Volume<?> par = open("annotation_50.nrrd")) {
            int[] expected = (int[]) TestVolumes.readAll(seq);
            int plane = (int) (par.sizeX() * par.sizeY());
            int[] got = new int[expected.length];
            java.util.stream.LongStream.range(0, par.sizeZ()).parallel().forEach(z -> System.arraycopy(
                    VolumeBlocks.readPlane(par, z), 0, got, (int) z * plane, plane));
            assertArrayEquals(expected, got);
            assertEquals(2, list(temp).size(), "one temporary file per open volume");
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}

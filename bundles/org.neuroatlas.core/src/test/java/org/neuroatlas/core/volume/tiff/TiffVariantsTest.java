package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeHeader;

/**
 * Every supported TIFF variant, made by writers independent of ours: the JDK's ImageIO TIFF plugin (big-endian,
 * strips or tiles, none/LZW/Deflate/ZLib/PackBits, 8/16/32-bit and float) and, for what it cannot write
 * (little-endian, BigTIFF, the horizontal predictor), the small test-only {@link TestTiffBuilder}.
 */
class TiffVariantsTest {

    @TempDir
    Path tmp;

    private static final String[] JDK_COMPRESSIONS = {null, "LZW", "Deflate", "ZLib", "PackBits"};

    static Stream<Arguments> jdkCases() {
        List<Arguments> a = new ArrayList<>();
        // uint32 is left out: the JDK writes int rasters as signed (SampleFormat 2), see jdkSignedIntIsRefused
        for (PixelType t : new PixelType[] {PixelType.UINT8, PixelType.UINT16, PixelType.FLOAT32}) {
            for (String c : JDK_COMPRESSIONS) {
                for (int tile : new int[] {0, 32}) {
                    a.add(Arguments.of(t, c, tile));
                }
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "JDK {0} {1} tile={2}")
    @MethodSource("jdkCases")
    void readsWhatTheJdkWrites(PixelType type, String compression, int tile) throws IOException {
        int w = 67;
        int h = 45;
        int d = 3;
        Object data = TiffTestSupport.randomVoxels(type, w * h * d, 7);
        if (compression != null) {
            makeCompressible(type, data, w);
        }
        Path f = tmp.resolve("jdk.tif");
        JdkTiff.write(f, type, w, h, d, data, compression, tile);
        VolumeHeader header = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
        assertEquals(type, header.pixelType());
        assertArrayEquals(new long[] {w, h, d}, header.dimensions());
        String expected = compression == null ? "none" : switch (compression) {
            case "Deflate" -> "Deflate (old code 32946)"; // the JDK writes Adobe's old code for "Deflate"
            case "ZLib" -> "Deflate";
            default -> compression;
        };
        assertEquals(expected, header.details().get("compression"), "the fixture really uses this compression");
        assertTrue(header.details().get("layout").startsWith(tile > 0 ? "tiled" : "stripped"));
        try (Volume<?> v = TiffTestSupport.open(f)) {
            TiffRoundTripTest.assertVoxelsEqual(type, data, TiffTestSupport.readAll(v));
        }
    }

    @Test
    void jdkSignedIntIsRefusedNamingTheFile() throws IOException {
        Path f = tmp.resolve("signed32.tif");
        JdkTiff.write(f, PixelType.UINT32, 8, 8, 1, new int[64], null, 0);
        org.neuroatlas.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.neuroatlas.core.InputException.class, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("signed 32-bit"), e.getMessage());
        assertTrue(e.getMessage().contains("Export it as single-channel 16-bit"), e.getMessage());
    }

    /** Random data does not compress; runs of equal values exercise LZW's long strings and PackBits' repeat runs. */
    private static void makeCompressible(PixelType type, Object data, int w) {
        int n = java.lang.reflect.Array.getLength(data);
        for (int i = 0; i < n; i++) {
            if ((i / w) % 3 == 1) { // every third row: a smooth ramp with long runs
                Object v = switch (type) {
                    case UINT8 -> (byte) ((i % w) / 8);
                    case UINT16 -> (short) ((i % w) / 8 * 1000);
                    case UINT32 -> (i % w) / 8 * 100_000;
                    case FLOAT32 -> (float) ((i % w) / 8) * 0.25f;
                };
                java.lang.reflect.Array.set(data, i, v);
            }
        }
    }

    static Stream<Arguments> builtCases() {
        List<Arguments> a = new ArrayList<>();
        for (PixelType t : PixelType.values()) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean big : new boolean[] {false, true}) {
                    a.add(Arguments.of(t, o, big));
                }
            }
        }
        return a.stream();
    }

    /** compression, predictor pairs covered by the hand-built files */
    private static final int[][] CODECS = {{1, 1}, {5, 1}, {5, 2}, {8, 1}, {8, 2}, {32946, 2}, {32773, 1}};

    @ParameterizedTest(name = "built {0} {1} bigTiff={2}")
    @MethodSource("builtCases")
    void readsEveryCodecLayoutAndByteOrder(PixelType type, ByteOrder order, boolean big) throws IOException {
        int w = 45;
        int h = 37;
        int d = 2;
        for (int[] codec : CODECS) {
            for (int layout = 0; layout < 3; layout++) { // strips of 7 rows, one strip per plane, 16×32 tiles
                Object data = TiffTestSupport.randomVoxels(type, w * h * d, codec[0] * 31L + layout);
                makeCompressible(type, data, w);
                TestTiffBuilder b = new TestTiffBuilder(order, big);
                for (int z = 0; z < d; z++) {
                    Object plane = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), w * h);
                    System.arraycopy(data, z * w * h, plane, 0, w * h);
                    TestTiffBuilder.Page p = new TestTiffBuilder.Page(w, h, TiffTestSupport.bits(type),
                            TiffTestSupport.bytes(type, plane, order)).compression(codec[0], codec[1]);
                    p.sampleFormat = type.isFloatingPoint() ? 3 : 1;
                    if (layout == 0) {
                        p.strips(7);
                    } else if (layout == 2) {
                        p.tiles(16, 32);
                    }
                    b.add(p);
                }
                Path f = tmp.resolve("built.tif");
                b.write(f);
                String label = type + " " + order + " big=" + big + " compression=" + codec[0] + " predictor=" + codec[1]
                        + " layout=" + layout;
                VolumeHeader header = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
                assertEquals(big ? "yes" : "no", header.details().get("BigTIFF"), label);
                assertEquals(order == ByteOrder.LITTLE_ENDIAN ? "little-endian (II)" : "big-endian (MM)",
                        header.details().get("byte order"), label);
                assertEquals(codec[1] == 2, header.details().get("compression").contains("predictor"), label);
                try (Volume<?> v = TiffTestSupport.open(f)) {
                    assertArrayEquals(new long[] {w, h, d}, v.dimensions(), label);
                    try {
                        TiffRoundTripTest.assertVoxelsEqual(type, data, TiffTestSupport.readAll(v));
                    } catch (AssertionError e) {
                        throw new AssertionError(label + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    @Test
    void arbitraryBoxesAcrossStripAndTileBoundaries() throws IOException {
        // The lazy image asks for whole blocks; the block reader must also serve any box (a series whose files differ
        // in layout gets blocks shaped after the first file).
        int w = 100;
        int h = 90;
        Object data = TiffTestSupport.randomVoxels(PixelType.UINT16, w * h, 5);
        Random r = new Random(11);
        int[][] layouts = {{1, 1, 0}, {5, 2, 0}, {8, 1, 1}, {1, 1, 1}, {32773, 1, 0}};
        for (int[] l : layouts) {
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(w, h, 16, TiffTestSupport.bytes(PixelType.UINT16, data,
                    ByteOrder.LITTLE_ENDIAN)).compression(l[0], l[1]);
            if (l[2] == 1) {
                p.tiles(32, 16);
            } else {
                p.strips(9);
            }
            Path f = tmp.resolve("box.tif");
            new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(p).write(f);
            TiffStack stack = TiffStack.open(f);
            try (ChannelPool pool = new ChannelPool(1)) {
                TiffBlockReader reader = new TiffBlockReader(stack, pool, PixelType.UINT16, "box.tif");
                for (int k = 0; k < 40; k++) {
                    int x0 = r.nextInt(w);
                    int y0 = r.nextInt(h);
                    int bw = 1 + r.nextInt(w - x0);
                    int bh = 1 + r.nextInt(h - y0);
                    short[] box = (short[]) reader.read(new long[] {x0, y0, 0}, new int[] {bw, bh, 1});
                    for (int y = 0; y < bh; y++) {
                        for (int x = 0; x < bw; x++) {
                            assertEquals(((short[]) data)[(y0 + y) * w + x0 + x], box[y * bw + x],
                                    "layout " + java.util.Arrays.toString(l) + " box " + x0 + "," + y0 + " " + bw + "×" + bh);
                        }
                    }
                }
            }
        }
    }

    @Test
    void imageJContiguousStackWithOneIfd() throws IOException {
        // ImageJ's >4 GB stacks: only the first IFD, images=N in the description, planes back to back.
        int w = 31;
        int h = 17;
        int d = 5;
        Object data = TiffTestSupport.randomVoxels(PixelType.UINT16, w * h * d, 3);
        TestTiffBuilder b = new TestTiffBuilder(ByteOrder.BIG_ENDIAN, false).onlyFirstIfd();
        for (int z = 0; z < d; z++) {
            short[] plane = new short[w * h];
            System.arraycopy(data, z * w * h, plane, 0, w * h);
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(w, h, 16, TiffTestSupport.bytes(PixelType.UINT16, plane,
                    ByteOrder.BIG_ENDIAN));
            if (z == 0) {
                p.description("ImageJ=1.53t\nimages=" + d + "\nslices=" + d + "\nunit=micron\nspacing=4.0\nloop=false\n");
                p.resolution(2, 1, 2, 1, 1); // 2 pixels per µm = 0.5 µm
            }
            b.add(p);
        }
        Path f = tmp.resolve("ij.tif");
        b.write(f);
        VolumeHeader header = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
        assertArrayEquals(new long[] {w, h, d}, header.dimensions());
        assertEquals(new org.neuroatlas.core.volume.VoxelSize(0.5, 0.5, 4), header.voxelSizeUm().orElseThrow());
        assertTrue(header.details().get("ImageJ contiguous planes").startsWith("yes"));
        try (Volume<?> v = TiffTestSupport.open(f)) {
            TiffRoundTripTest.assertVoxelsEqual(PixelType.UINT16, data, TiffTestSupport.readAll(v));
        }
    }

    @Test
    void seriesOfFilesWithDifferentLayoutsAndCompressions() throws IOException {
        // Only size and type must agree across a series; each file may be stored its own way.
        int w = 40;
        int h = 30;
        Path dir = tmp.resolve("mixed");
        java.nio.file.Files.createDirectories(dir);
        Object data = TiffTestSupport.randomVoxels(PixelType.UINT8, w * h * 4, 8);
        int[][] kinds = {{1, 0}, {5, 1}, {32773, 0}, {8, 1}};
        for (int z = 0; z < 4; z++) {
            byte[] plane = new byte[w * h];
            System.arraycopy(data, z * w * h, plane, 0, w * h);
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(w, h, 8, plane).compression(kinds[z][0], 1);
            if (kinds[z][1] == 1) {
                p.tiles(16, 16);
            } else {
                p.strips(4 + z);
            }
            new TestTiffBuilder(z % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, z == 3).add(p)
                    .write(dir.resolve("plane_" + (z + 1) + ".TIF"));
        }
        try (Volume<?> v = TiffTestSupport.open(dir)) {
            assertArrayEquals(new long[] {w, h, 4}, v.dimensions());
            TiffRoundTripTest.assertVoxelsEqual(PixelType.UINT8, data, TiffTestSupport.readAll(v));
        }
    }
}

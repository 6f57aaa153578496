package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

/** Writer → reader round trips: every pixel type, classic and BigTIFF, one stack file and a plane series. */
class TiffRoundTripTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> combinations() {
        List<Arguments> a = new ArrayList<>();
        for (PixelType t : PixelType.values()) {
            for (boolean big : new boolean[] {false, true}) {
                for (boolean series : new boolean[] {false, true}) {
                    a.add(Arguments.of(t, big, series));
                }
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} bigTiff={1} series={2}")
    @MethodSource("combinations")
    void voxelsDimsAndVoxelSizeRoundTrip(PixelType type, boolean bigTiff, boolean series) throws IOException {
        // 301 columns: odd, so rows and planes do not align to anything; 7 planes.
        int w = 301;
        int h = 211;
        int d = 7;
        Object data = TiffTestSupport.randomVoxels(type, w * h * d, 42 + type.ordinal());
        VoxelSize voxel = new VoxelSize(0.65, 0.65, 2.5);
        Volume<?> source = TiffTestSupport.memoryVolume(type, w, h, d, data, voxel);
        Path out = tmp.resolve(series ? "planes" : "stack.tif");
        if (series) {
            TiffWriter.writeSeries(source, out, "ch0", bigTiff, Progress.NONE);
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(d, files.count());
            }
            assertTrue(Files.exists(out.resolve("ch0_00000.tif")));
            assertTrue(Files.exists(out.resolve("ch0_00006.tif")));
        } else {
            TiffWriter.writeStack(source, out, bigTiff, Progress.NONE);
        }
        VolumeHeader header = TiffTestSupport.FORMAT.readHeader(out, ReadOptions.defaults());
        assertEquals(series ? "tiff-series" : "tiff", header.format());
        assertArrayEquals(new long[] {w, h, d}, header.dimensions());
        assertEquals(type, header.pixelType());
        assertEquals(voxel, header.voxelSizeUm().orElseThrow());
        assertEquals(bigTiff ? "yes" : "no", header.details().get("BigTIFF").replace(" (first file)", ""));
        try (Volume<?> back = TiffTestSupport.open(out)) {
            assertEquals(voxel, back.voxelSizeUm());
            assertEquals(type, back.pixelType());
            assertArrayEquals(new long[] {w, h, d}, back.dimensions());
            assertVoxelsEqual(type, data, TiffTestSupport.readAll(back));
        }
    }

    static void assertVoxelsEqual(PixelType type, Object expected, Object actual) {
        switch (type) {
            case UINT8 -> assertArrayEquals((byte[]) expected, (byte[]) actual);
            case UINT16 -> assertArrayEquals((short[]) expected, (short[]) actual);
            case UINT32 -> assertArrayEquals((int[]) expected, (int[]) actual);
            case FLOAT32 -> {
                float[] e = (float[]) expected;
                float[] a = (float[]) actual;
                assertEquals(e.length, a.length);
                for (int i = 0; i < e.length; i++) {
                    // bit-exact: tells -0.0 from 0.0 and keeps NaN
                    if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i])) {
                        throw new AssertionError("voxel " + i + ": expected " + e[i] + " but was " + a[i]);
                    }
                }
            }
        }
    }

    @Test
    void writtenStackIsImageJStyle() throws IOException {
        Volume<?> v = TiffTestSupport.memoryVolume(PixelType.UINT16, 50, 40, 3,
                TiffTestSupport.randomVoxels(PixelType.UINT16, 50 * 40 * 3, 1), new VoxelSize(2, 3, 5));
        Path out = tmp.resolve("ij.tif");
        TiffWriter.writeStack(v, out, Progress.NONE);
        String head = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("II*\0"), "little-endian classic TIFF");
        assertTrue(head.contains("ImageJ=1.11a\nimages=3\nslices=3\nunit=micron\nspacing=5.0\nloop=false\n"), head.substring(0, 400));
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(out, ReadOptions.defaults());
        assertEquals(new VoxelSize(2, 3, 5), h.voxelSizeUm().orElseThrow());
        assertEquals("ImageJ 1.11a", h.details().get("metadata"));
        // ImageJ reads the planes contiguously from the first IFD: check the pixels are stored back to back
        assertEquals(8 + ifdBytes(out) + 3L * 50 * 40 * 2 <= Files.size(out), true);
    }

    /** Bytes from the first IFD to the first pixel, for the contiguity check above. */
    private static long ifdBytes(Path file) throws IOException {
        TiffStack s = TiffStack.open(file);
        try (ChannelPool pool = new ChannelPool(1)) {
            long first = s.plane(0, pool).chunks().offsets()[0];
            long second = s.plane(1, pool).chunks().offsets()[0];
            assertEquals(50L * 40 * 2, second - first, "planes are contiguous");
            return first - 8;
        }
    }

    @Test
    void writerReportsProgressAndStopsWhenCanceled() throws IOException {
        Volume<?> v = TiffTestSupport.memoryVolume(PixelType.UINT8, 20, 10, 5,
                TiffTestSupport.randomVoxels(PixelType.UINT8, 1000, 3), VoxelSize.isotropic(1));
        List<Double> reports = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reports.add(fraction);
            }

            @Override
            public boolean isCanceled() {
                return reports.size() >= 2;
            }
        };
        Path stack = tmp.resolve("canceled.tif");
        assertThrows(CanceledException.class, () -> TiffWriter.writeStack(v, stack, recording));
        assertFalse(Files.exists(stack), "no partial file after cancellation");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary file removed");
        }
        reports.clear();
        Path series = tmp.resolve("canceled-series");
        assertThrows(CanceledException.class, () -> TiffWriter.writeSeries(v, series, "p", recording));
        assertFalse(Files.exists(series), "no partial folder after cancellation");

        reports.clear();
        TiffWriter.writeStack(v, stack, new Progress() {
            @Override
            public void report(double fraction, String message) {
                reports.add(fraction);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        });
        assertEquals(5, reports.size(), "one report per plane");
        assertEquals(1.0, reports.get(4), 1e-12);
    }

    @Test
    void seriesFileNamesSortNaturallyBeyondFiveDigits() throws IOException {
        // 3 planes but the padding is fixed at 5 digits minimum; names must sort back in plane order.
        Object data = TiffTestSupport.randomVoxels(PixelType.UINT16, 8 * 6 * 3, 9);
        Volume<?> v = TiffTestSupport.memoryVolume(PixelType.UINT16, 8, 6, 3, data, VoxelSize.isotropic(4));
        Path out = tmp.resolve("s");
        TiffWriter.writeSeries(v, out, "img", Progress.NONE);
        assertEquals(List.of("img_00000.tif", "img_00001.tif", "img_00002.tif"),
                TiffSeries.list(out, null).stream().map(p -> p.getFileName().toString()).toList());
        // writing again replaces the folder atomically
        TiffWriter.writeSeries(v, out, "img", Progress.NONE);
        try (Volume<?> back = TiffTestSupport.open(out)) {
            assertVoxelsEqual(PixelType.UINT16, data, TiffTestSupport.readAll(back));
        }
    }

    @Test
    void layoutChoosesBigTiffExactlyAtTheClassicLimit() {
        // 1 plane of 65536 × 65535 uint8 is just under 4 GiB of pixels: classic only if the header and IFD still fit.
        StackLayout small = StackLayout.plan(1000, 1000, 10, PixelType.UINT16, VoxelSize.isotropic(1), false);
        assertFalse(small.bigTiff);
        assertEquals(small.tailStart + 9 * small.tailIfdBytes, small.totalBytes);
        // 2 × 2^31 bytes of pixels: over the limit
        StackLayout big = StackLayout.plan(32768, 32768, 2, PixelType.UINT16, VoxelSize.isotropic(1), false);
        assertTrue(big.bigTiff);
        // find the largest plane count that still fits in classic TIFF and check the neighbour flips
        int w = 4096;
        int h = 4096;
        long plane = (long) w * h;
        int n = (int) (0xFFFFFFFFL / plane);
        StackLayout atLimit = StackLayout.plan(w, h, n, PixelType.UINT8, null, false);
        while (atLimit.bigTiff) {
            n--;
            atLimit = StackLayout.plan(w, h, n, PixelType.UINT8, null, false);
        }
        assertTrue(atLimit.totalBytes <= 0xFFFFFFFFL);
        StackLayout over = StackLayout.plan(w, h, n + 1, PixelType.UINT8, null, false);
        assertTrue(over.bigTiff);
        assertTrue(StackLayout.plan(w, h, n + 1, PixelType.UINT8, null, false).totalBytes > 0xFFFFFFFFL);
    }

    @Test
    void voxelSizeRationalsAreExactForDecimals() {
        for (double um : new double[] {0.65, 2, 5, 0.1, 1.0 / 3, 25, 100, 0.001, 3000}) {
            long[] r = StackLayout.pixelsPerMicron(um);
            assertTrue(r[0] > 0 && r[0] <= 0xFFFFFFFFL && r[1] > 0 && r[1] <= 0xFFFFFFFFL);
            assertEquals(um, (double) r[1] / r[0], um * 1e-9);
        }
        assertEquals(0.65, (double) StackLayout.pixelsPerMicron(0.65)[1] / StackLayout.pixelsPerMicron(0.65)[0]);
    }
}

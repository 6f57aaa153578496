package org.neuroatlas.core.volume.nrrd;

import org.neuroatlas.core.volume.VoxelBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

/** NrrdWriter → NrrdFormat round trips, hand-written detached headers and big-endian files. */
class NrrdRoundTripTest {

    @TempDir
    Path temp;

    private static final long[] DIMS = {7, 5, 3};
    private static final int N = 7 * 5 * 3;

    private Volume<?> open(Path p) throws IOException {
        NrrdFormat f = new NrrdFormat(temp.resolve("tmp"));
        ReadOptions o = ReadOptions.defaults().withCache(new BlockCache(8L << 20));
        return f.open(p, o, f.readHeader(p, o));
    }

    private VolumeHeader header(Path p) throws IOException {
        return new NrrdFormat(temp.resolve("tmp")).readHeader(p, ReadOptions.defaults());
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void gzipRoundTrip(PixelType type) throws IOException {
        roundTrip(type, NrrdWriter.Options.defaults());
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void rawRoundTrip(PixelType type) throws IOException {
        roundTrip(type, NrrdWriter.Options.defaults().withEncoding(NrrdWriter.Encoding.RAW));
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void lpsLayoutRoundTrip(PixelType type) throws IOException {
        roundTrip(type, NrrdWriter.Options.allenLayout().withGzipLevel(9));
    }

    private void roundTrip(PixelType type, NrrdWriter.Options options) throws IOException {
        Object voxels = TestVolumes.pattern(type, N);
        VoxelSize vs = new VoxelSize(0.65, 0.65, 2.5);
        Volume<?> source = TestVolumes.volume(type, DIMS, voxels, vs).withOrientation(Orientation.parse("psl", "test"));
        Path out = temp.resolve("rt-" + type + ".nrrd");
        NrrdWriter.write(source, out, options, Progress.NONE);

        VolumeHeader h = header(out);
        assertArrayEquals(DIMS, h.dimensions());
        assertEquals(type, h.pixelType());
        assertEquals(vs, h.voxelSizeUm().orElseThrow(), "voxel size survives the round trip exactly");
        assertEquals(Optional.of(Orientation.parse("psl", "test")), h.orientation());
        assertEquals(options.encoding() == NrrdWriter.Encoding.GZIP ? "gzip" : "raw", h.details().get("encoding"));
        try (Volume<?> back = open(out)) {
            assertTrue(TestVolumes.sameVoxels(voxels, TestVolumes.readAll(back)), "voxels of " + type);
            assertEquals(vs, back.voxelSizeUm());
        }
        if (options.encoding() == NrrdWriter.Encoding.RAW) {
            long headerBytes = NrrdWriter.header(source, options).getBytes(StandardCharsets.US_ASCII).length;
            assertEquals(headerBytes + (long) N * type.bytesPerVoxel(), Files.size(out), "raw: header + voxels, nothing else");
        }
    }

    /** Written with the Allen layout, an Allen file gets back its own header fields, in order, and the same voxels. */
    @Test
    void allenLayoutMirrorsAllensHeader() throws IOException {
        Path allen = SharedData.atlas("annotation_100.nrrd");
        Path out = temp.resolve("annotation_100_copy.nrrd");
        try (Volume<?> a = open(allen)) {
            NrrdWriter.write(a, out, NrrdWriter.Options.allenLayout(), Progress.NONE);
            try (Volume<?> b = open(out)) {
                assertTrue(TestVolumes.sameVoxels(TestVolumes.readAll(a), TestVolumes.readAll(b)));
            }
        }
        assertEquals(fieldLines(allen), fieldLines(out));
        assertEquals("NRRD0004", Files.readAllLines(out, StandardCharsets.ISO_8859_1).get(0));
    }

    /** The header's non-comment lines up to the blank line. */
    private static List<String> fieldLines(Path nrrd) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(nrrd)) {
            byte[] head = in.readNBytes(2000);
            for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (!line.startsWith("#") && !line.startsWith("NRRD")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void defaultLayoutStatesSpacingsInMicronsAndIsValidGzip() throws IOException {
        Volume<?> v = TestVolumes.volume(PixelType.UINT16, DIMS, TestVolumes.pattern(PixelType.UINT16, N), new VoxelSize(2, 3, 5));
        Path out = temp.resolve("d.nrrd");
        NrrdWriter.write(v, out, NrrdWriter.Options.defaults(), Progress.NONE);
        List<String> fields = fieldLines(out);
        assertEquals(List.of("type: unsigned short", "dimension: 3", "sizes: 7 5 3", "spacings: 2 3 5",
                "units: \"microns\" \"microns\" \"microns\"", "kinds: domain domain domain", "endian: little", "encoding: gzip"), fields);
        // The payload is one standard gzip stream of little-endian voxels, readable by any gzip tool.
        byte[] all = Files.readAllBytes(out);
        int start = new String(all, StandardCharsets.ISO_8859_1).indexOf("\n\n") + 2;
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(all, start, all.length - start))) {
            byte[] raw = gz.readAllBytes();
            assertEquals(N * 2, raw.length);
            short[] first = new short[N];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(first);
            assertArrayEquals((short[]) TestVolumes.pattern(PixelType.UINT16, N), first);
        }
    }

    @Test
    void reportsProgressPerPlaneAndLeavesNothingWhenCanceled() throws IOException {
        Volume<?> v = TestVolumes.volume(PixelType.UINT8, DIMS, TestVolumes.pattern(PixelType.UINT8, N), VoxelSize.isotropic(1));
        List<Double> reported = new ArrayList<>();
        Progress record = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reported.add(fraction);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        NrrdWriter.write(v, temp.resolve("p.nrrd"), NrrdWriter.Options.defaults(), record);
        assertEquals(List.of(1 / 3.0, 2 / 3.0, 1.0), reported);

        AtomicInteger planes = new AtomicInteger();
        Progress cancelAfterOne = new Progress() {
            @Override
            public void report(double fraction, String message) {
                planes.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return planes.get() >= 1;
            }
        };
        Path target = temp.resolve("canceled.nrrd");
        assertThrows(CanceledException.class, () -> NrrdWriter.write(v, target, NrrdWriter.Options.defaults(), cancelAfterOne));
        assertFalse(Files.exists(target));
        try (var s = Files.list(temp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("canceled")), "no temporary part file left");
        }
    }

    /** A hand-written detached header in another folder, pointing to a raw file through a relative path, with a byte skip. */
    @Test
    void detachedHeaderWithRelativeDataFileAndByteSkip() throws IOException {
        short[] voxels = (short[]) TestVolumes.pattern(PixelType.UINT16, N);
        Files.createDirectories(temp.resolve("data"));
        Files.createDirectories(temp.resolve("headers"));
        byte[] junk = "JUNK-HEADER-OF-16".substring(0, 16).getBytes(StandardCharsets.US_ASCII);
        Files.write(temp.resolve("data/vol.raw"), concat(junk, bytes(voxels, ByteOrder.LITTLE_ENDIAN)));
        Path nhdr = temp.resolve("headers/vol.nhdr");
        Files.writeString(nhdr, "NRRD0004\n# by hand\ntype: uint16\ndimension: 3\nsizes: 7 5 3\n"
                + "space directions: (0.5,0,0) (0,0.5,0) (0,0,2)\nspace units: \"mm\" \"mm\" \"mm\"\n"
                + "endian: little\nencoding: raw\ndata file: ../data/vol.raw\nbyte skip: 16\n");
        VolumeHeader h = header(nhdr);
        assertEquals(new VoxelSize(500, 500, 2000), h.voxelSizeUm().orElseThrow(), "mm → µm");
        assertEquals(temp.resolve("headers/../data/vol.raw").toString(), h.details().get("data file"));
        assertEquals("16", h.details().get("byte skip"));
        assertEquals(Files.size(nhdr) + 16 + N * 2L, h.fileBytes());
        try (Volume<?> v = open(nhdr)) {
            assertArrayEquals(voxels, (short[]) TestVolumes.readAll(v));
        }
    }

    /** Big-endian raw data written by the test, attached, with 'byte skip: -1' semantics checked separately. */
    @ParameterizedTest
    @EnumSource(PixelType.class)
    void bigEndianRaw(PixelType type) throws IOException {
        Object voxels = TestVolumes.pattern(type, N);
        Path p = temp.resolve("big-" + type + ".nrrd");
        String typeName = switch (type) {
            case UINT8 -> "uchar";
            case UINT16 -> "ushort";
            case UINT32 -> "uint";
            case FLOAT32 -> "float";
        };
        byte[] head = ("NRRD0005\ntype: " + typeName + "\ndimension: 3\nsizes: 7 5 3\nspacings: 1 1 4\nendian: big\nencoding: raw\n\n")
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(p, concat(head, bytes(voxels, ByteOrder.BIG_ENDIAN)));
        try (Volume<?> v = open(p)) {
            assertTrue(TestVolumes.sameVoxels(voxels, TestVolumes.readAll(v)), "big-endian " + type);
            assertEquals(new VoxelSize(1, 1, 4), v.voxelSizeUm());
        }
    }

    @Test
    void detachedGzipAsListOfFilesAndAsFilePattern() throws IOException {
        int[] voxels = (int[]) TestVolumes.pattern(PixelType.UINT32, N);
        byte[] all = bytes(voxels, ByteOrder.LITTLE_ENDIAN);
        int plane = 7 * 5 * 4;
        for (int z = 0; z < 3; z++) {
            byte[] part = java.util.Arrays.copyOfRange(all, z * plane, (z + 1) * plane);
            Files.write(temp.resolve(String.format("slice%03d.raw.gz", z)), gzip(part));
        }
        Path list = temp.resolve("list.nhdr");
        Files.writeString(list, "NRRD0004\ntype: unsigned int\ndimension: 3\nsizes: 7 5 3\nspacings: 10 10 10\nendian: little\n"
                + "encoding: gz\ndata file: LIST 2\nslice000.raw.gz\nslice001.raw.gz\nslice002.raw.gz\n");
        Path pattern = temp.resolve("pattern.nhdr");
        Files.writeString(pattern, "NRRD0004\ntype: unsigned int\ndimension: 3\nsizes: 7 5 3\nspacings: 10 10 10\nendian: little\n"
                + "encoding: gzip\ndata file: slice%03d.raw.gz 0 2 1 2\n");
        for (Path p : List.of(list, pattern)) {
            assertEquals("3 files, slice000.raw.gz … slice002.raw.gz", header(p).details().get("data file"));
            try (Volume<?> v = open(p)) {
                assertArrayEquals(voxels, (int[]) TestVolumes.readAll(v), p.getFileName().toString());
            }
        }
    }

    @Test
    void twoDimensionalNrrdIsOnePlane() throws IOException {
        byte[] voxels = (byte[]) TestVolumes.pattern(PixelType.UINT8, 35);
        Path p = temp.resolve("plane.nrrd");
        Files.write(p, concat("NRRD0004\ntype: uint8\ndimension: 2\nsizes: 7 5\nspacings: 3 4\nencoding: gzip\n\n"
                .getBytes(StandardCharsets.US_ASCII), gzip(voxels)));
        VolumeHeader h = header(p);
        assertArrayEquals(new long[] {7, 5, 1}, h.dimensions());
        assertEquals(new VoxelSize(3, 4, 3), h.voxelSizeUm().orElseThrow());
        try (Volume<?> v = open(p)) {
            assertArrayEquals(voxels, (byte[]) TestVolumes.readAll(v));
        }
    }

    @Test
    void lineSkipAndByteSkipMinusOne() throws IOException {
        float[] voxels = (float[]) TestVolumes.pattern(PixelType.FLOAT32, N);
        Files.write(temp.resolve("text.dat"), concat("line one\nline two\n".getBytes(StandardCharsets.US_ASCII),
                bytes(voxels, ByteOrder.LITTLE_ENDIAN)));
        Path lines = temp.resolve("lines.nhdr");
        Files.writeString(lines, "NRRD0004\ntype: float\ndimension: 3\nsizes: 7 5 3\nendian: little\nencoding: raw\n"
                + "data file: text.dat\nline skip: 2\n");
        Path end = temp.resolve("end.nhdr");
        Files.writeString(end, "NRRD0004\ntype: float\ndimension: 3\nsizes: 7 5 3\nendian: little\nencoding: raw\n"
                + "data file: text.dat\nbyte skip: -1\n");
        for (Path p : List.of(lines, end)) {
            assertTrue(header(p).voxelSizeUm().isEmpty(), "no spacing in the header: voxel size absent");
            NrrdFormat f = new NrrdFormat(temp.resolve("tmp"));
            ReadOptions o = ReadOptions.defaults().withCache(new BlockCache(1 << 20));
            try (Volume<?> v = f.open(p, o, header(p).withVoxelSize(VoxelSize.isotropic(1)))) {
                assertArrayEquals(voxels, (float[]) TestVolumes.readAll(v), p.getFileName().toString());
            }
        }
    }

    @Test
    void obliqueSpaceDirectionsGiveVectorLengthsAndAreRecorded() throws IOException {
        Path p = temp.resolve("oblique.nhdr");
        Files.write(temp.resolve("o.raw"), new byte[N]);
        Files.writeString(p, "NRRD0004\ntype: uchar\ndimension: 3\nspace: right-anterior-superior\nsizes: 7 5 3\n"
                + "space directions: (3,4,0) (0,0,2) (0,-1,0)\nspace units: \"um\" \"µm\" \"microns\"\nencoding: raw\ndata file: o.raw\n");
        VolumeHeader h = header(p);
        assertEquals(new VoxelSize(5, 2, 1), h.voxelSizeUm().orElseThrow());
        assertTrue(h.details().get("axes").contains("(3,4,0) (0,0,2) (0,-1,0)"), h.details().toString());
        assertEquals("right-anterior-superior", h.details().get("space"));
    }

    /** Blocks are whole planes, or bands of rows once a plane exceeds the block budget. */
    @Test
    void blockShapes() {
        assertArrayEquals(new int[] {528, 320, 3}, NrrdBlockReader.blockDims(new long[] {528, 320, 456}, PixelType.UINT32));
        assertArrayEquals(new int[] {132, 80, 114}, NrrdBlockReader.blockDims(new long[] {132, 80, 114}, PixelType.UINT8));
        assertArrayEquals(new int[] {4000, 262, 1}, NrrdBlockReader.blockDims(new long[] {4000, 3000, 2000}, PixelType.UINT16));
    }

    static byte[] bytes(Object voxels, ByteOrder order) {
        int n = java.lang.reflect.Array.getLength(voxels);
        int bpv = voxels instanceof byte[] ? 1 : voxels instanceof short[] ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(n * bpv).order(order);
        PixelType t = voxels instanceof byte[] ? PixelType.UINT8 : voxels instanceof short[] ? PixelType.UINT16
                : voxels instanceof int[] ? PixelType.UINT32 : PixelType.FLOAT32;
        VoxelBytes.encode(voxels, t, b);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bo)) {
            gz.write(data);
        }
        return bo.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

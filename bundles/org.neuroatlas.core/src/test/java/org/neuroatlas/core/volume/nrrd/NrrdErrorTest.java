package org.neuroatlas.core.volume.nrrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;

/** Broken NRRDs give user-facing errors that name the file and say what is wrong. */
class NrrdErrorTest {

    @TempDir
    Path temp;

    private NrrdFormat format() {
        return new NrrdFormat(temp.resolve("tmp"));
    }

    private InputException headerError(Path p) {
        return assertThrows(InputException.class, () -> format().readHeader(p, ReadOptions.defaults()));
    }

    /** A copy of Allen's gzip annotation cut in half: the header reads fine, the first voxel access fails clearly. */
    @Test
    void truncatedGzip() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.atlas("annotation_100.nrrd"));
        Path cut = temp.resolve("annotation_100_cut.nrrd");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        NrrdFormat f = format();
        ReadOptions o = ReadOptions.defaults().withCache(new BlockCache(16L << 20));
        try (Volume<?> v = f.open(cut, o, f.readHeader(cut, o))) {
            InputException e = assertThrows(InputException.class, () -> VolumeBlocks.readPlane(v, 0));
            String m = e.getMessage();
            assertTrue(m.startsWith(cut.toString() + ": truncated: expected " + 132L * 80 * 114 * 4 + " bytes of voxels, found "), m);
            long found = Long.parseLong(m.replaceAll(".*found (\\d+).*", "$1"));
            assertTrue(found > 0 && found < 132L * 80 * 114 * 4, m);
            // The same error again, without decompressing again; no temporary file left behind.
            assertEquals(m, assertThrows(InputException.class, () -> VolumeBlocks.readPlane(v, 50)).getMessage());
            assertEquals(0, count(temp.resolve("tmp")));
        }
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.atlas("average_template_100.nrrd"));
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Path bad = temp.resolve("template_corrupt.nrrd");
        Files.write(bad, bytes);
        NrrdFormat f = format();
        ReadOptions o = ReadOptions.defaults().withCache(new BlockCache(16L << 20));
        try (Volume<?> v = f.open(bad, o, f.readHeader(bad, o))) {
            InputException e = assertThrows(InputException.class, () -> VolumeBlocks.readPlane(v, 0));
            assertTrue(e.getMessage().startsWith(bad.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt gzip data") || e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void truncatedRawIsFoundAtHeaderTime() throws IOException {
        Path p = temp.resolve("short.nrrd");
        Files.write(p, NrrdRoundTripTest.concat("NRRD0004\ntype: uint16\ndimension: 3\nsizes: 10 10 10\nendian: little\nencoding: raw\n\n"
                .getBytes(StandardCharsets.US_ASCII), new byte[1500]));
        assertEquals(p + ": truncated: expected 2000 bytes of voxels, found 1500. "
                + "The file is incomplete (an interrupted copy or download?); copy or export it again", headerError(p).getMessage());
    }

    @Test
    void garbage() throws IOException {
        Path random = temp.resolve("random.nrrd");
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        Files.write(random, noise);
        assertTrue(headerError(random).getMessage().startsWith(random + ": is not a NRRD file"));

        Path badLine = temp.resolve("badline.nrrd");
        Files.writeString(badLine, "NRRD0004\ntype: uchar\nthis line means nothing\nsizes: 1 1 1\n\n");
        assertTrue(headerError(badLine).getMessage().contains("header line 3 ('this line means nothing') is neither a field nor a comment"));

        Path badNumber = temp.resolve("badnumber.nrrd");
        Files.writeString(badNumber, "NRRD0004\ntype: uchar\ndimension: three\nsizes: 1 1 1\nencoding: raw\n\n");
        assertTrue(headerError(badNumber).getMessage().startsWith(badNumber + ": 'dimension: three' is not a whole number"));

        Path noBlank = temp.resolve("noblank.nrrd");
        byte[] binary = new byte[100];
        binary[10] = 0;
        Files.write(noBlank, NrrdRoundTripTest.concat("NRRD0004\ntype: uchar\ndimension: 3\nsizes: 10 10 1\nencoding: raw\n"
                .getBytes(StandardCharsets.US_ASCII), binary));
        assertTrue(headerError(noBlank).getMessage().contains("blank line"), headerError(noBlank).getMessage());

        Path missing = temp.resolve("nosizes.nrrd");
        Files.writeString(missing, "NRRD0004\ntype: uchar\ndimension: 3\nencoding: raw\n\n");
        assertTrue(headerError(missing).getMessage().contains("has no 'sizes' field"));
    }

    @Test
    void unsupportedTypeEncodingAndDimension() throws IOException {
        Path dbl = temp.resolve("double.nrrd");
        Files.writeString(dbl, "NRRD0004\ntype: double\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\n");
        InputException e = headerError(dbl);
        assertTrue(e.getMessage().startsWith(dbl + ": voxel type 'double' is not supported. NeuroAtlas reads NRRD types uchar, ushort, uint and float"),
                e.getMessage());

        Path signed = temp.resolve("short.nrrd");
        Files.writeString(signed, "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\n");
        assertTrue(headerError(signed).getMessage().contains("voxel type 'short' is not supported"));

        Path bz = temp.resolve("bz.nrrd");
        Files.writeString(bz, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 2 2\nencoding: bzip2\n\n");
        assertTrue(headerError(bz).getMessage().contains("encoding 'bzip2' is not supported"));

        Path fourD = temp.resolve("rgb.nrrd");
        Files.writeString(fourD, "NRRD0004\ntype: uchar\ndimension: 4\nsizes: 3 2 2 2\nencoding: raw\n\n");
        assertTrue(headerError(fourD).getMessage().contains("is a 4-D NRRD"));

        Path noEndian = temp.resolve("noendian.nrrd");
        Files.writeString(noEndian, "NRRD0004\ntype: float\ndimension: 3\nsizes: 2 2 2\nencoding: raw\n\n");
        assertTrue(headerError(noEndian).getMessage().contains("no 'endian' field"));
    }

    @Test
    void missingDataFileOfDetachedHeader() throws IOException {
        Path nhdr = temp.resolve("lonely.nhdr");
        Files.writeString(nhdr, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 2 2\nencoding: raw\ndata file: lonely.raw\n");
        InputException e = headerError(nhdr);
        assertTrue(e.getMessage().startsWith(nhdr + ": its data file " + temp.resolve("lonely.raw") + " does not exist"), e.getMessage());
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}

package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;

/** Broken and unsupported input: each gives an {@link InputException} that names the file and says what to do. */
class TiffErrorsTest {

    @TempDir
    Path tmp;

    private static InputException expect(Path named, Executable e, String... fragments) {
        InputException x = assertThrows(InputException.class, e);
        assertTrue(x.getMessage().contains(named.toString()), "names " + named + ": " + x.getMessage());
        for (String f : fragments) {
            assertTrue(x.getMessage().contains(f), "says '" + f + "': " + x.getMessage());
        }
        return x;
    }

    private static void cut(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }

    private Path copyPlanes(String name, int n) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            String f = String.format("ch%05d.tif", i);
            Files.copy(SharedData.testdata("cellfinder_detection_crop/crop_planes/ch0/" + f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void truncatedPlaneInSeriesFailsWhenRead() throws IOException {
        Path dir = copyPlanes("cut", 3);
        Path broken = dir.resolve("ch00001.tif");
        cut(broken, Files.size(broken) / 2); // the IFD is at the start: the header is fine, the pixels are not
        try (Volume<?> v = TiffTestSupport.open(dir)) {
            assertEquals(3, v.sizeZ());
            VolumeBlocks.readPlane(v, 0);
            expect(broken, () -> VolumeBlocks.readPlane(v, 1), "truncated", "beyond the end of the file");
        }
    }

    @Test
    void truncatedMultiPageFile() throws IOException {
        Path f = tmp.resolve("standard.tiff");
        Files.copy(SharedData.testdata("brainreg_whole_brain/expected_output_Linux/downsampled_standard.tiff"), f);
        cut(f, Files.size(f) * 2 / 3);
        // the IFDs of this file are spread through it: the chain breaks while reading the header
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()), "truncated");
        cut(f, 100);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()));
        cut(f, 5);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()), "not a TIFF");
    }

    @Test
    void garbageBytes() throws IOException {
        Path f = tmp.resolve("garbage.tif");
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(f, junk);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()), "not a TIFF");
        // a valid header pointing to garbage
        junk[0] = 'I';
        junk[1] = 'I';
        junk[2] = 42;
        junk[3] = 0;
        junk[4] = 16;
        junk[5] = 0;
        junk[6] = 0;
        junk[7] = 0;
        Files.write(f, junk);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()));
        // a header pointing beyond the end of the file
        junk[7] = 0x7f;
        Files.write(f, junk);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()), "beyond the end");
    }

    @Test
    void corruptCompressedData() throws IOException {
        for (int compression : new int[] {5, 8, 32773}) {
            byte[] pixels = new byte[64 * 64];
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(64, 64, 8, pixels).compression(compression, 1);
            Path f = tmp.resolve("corrupt" + compression + ".tif");
            new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(p).write(f);
            // overwrite the compressed strip (it starts right after the 8-byte header) with noise
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                byte[] noise = new byte[16];
                new Random(compression).nextBytes(noise);
                noise[0] = (byte) 0xff; // LZW: code 511+ right away; PackBits: a run; Deflate: bad header
                noise[1] = (byte) 0xff;
                ch.write(java.nio.ByteBuffer.wrap(noise), 8);
            }
            try (Volume<?> v = TiffTestSupport.open(f)) {
                expect(f, () -> VolumeBlocks.readPlane(v, 0), "corrupt");
            }
        }
    }

    @Test
    void inconsistentSeriesNamesTheOddFile() throws IOException {
        Path dir = tmp.resolve("odd");
        Files.createDirectories(dir);
        for (int z = 0; z < 4; z++) {
            int w = z == 2 ? 30 : 32;
            new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(new TestTiffBuilder.Page(w, 20, 16, new byte[w * 20 * 2]))
                    .write(dir.resolve("p_" + z + ".tif"));
        }
        expect(dir.resolve("p_2.tif"), () -> TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults()),
                "inconsistent plane series", "30×20 uint16", "32×20 uint16", "p_0.tif");
        // same size, other type
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(new TestTiffBuilder.Page(32, 20, 8, new byte[32 * 20]))
                .write(dir.resolve("p_2.tif"));
        expect(dir.resolve("p_2.tif"), () -> TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults()),
                "inconsistent plane series", "32×20 uint8", "32×20 uint16");
        // a multi-page file among single planes
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(new TestTiffBuilder.Page(32, 20, 16, new byte[32 * 20 * 2]))
                .add(new TestTiffBuilder.Page(32, 20, 16, new byte[32 * 20 * 2])).write(dir.resolve("p_2.tif"));
        expect(dir.resolve("p_2.tif"), () -> TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults()), "more than one page");
    }

    @Test
    void inconsistentPagesNameThePage() throws IOException {
        Path f = tmp.resolve("pages.tif");
        new TestTiffBuilder(ByteOrder.BIG_ENDIAN, false).add(new TestTiffBuilder.Page(8, 8, 16, new byte[128]))
                .add(new TestTiffBuilder.Page(8, 8, 16, new byte[128])).add(new TestTiffBuilder.Page(8, 9, 16, new byte[144]))
                .write(f);
        expect(f, () -> TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults()), "page 2", "8×9 uint16", "8×8 uint16");
    }

    @Test
    void folderWithoutTiffs() throws IOException {
        Path dir = tmp.resolve("empty");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "no images here");
        assertFalse(TiffTestSupport.FORMAT.canOpen(dir));
        expect(dir, () -> TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults()), "no .tif or .tiff files");
        Path planes = copyPlanes("globbed", 2);
        expect(planes, () -> TiffTestSupport.FORMAT.readHeader(planes, ReadOptions.defaults().withGlob("ch1*.tif")),
                "matching 'ch1*.tif'");
    }

    @Test
    void rgbAndOtherUnsupportedImages() throws IOException {
        Path rgb = tmp.resolve("rgb.tif");
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        assertTrue(ImageIO.write(img, "tiff", rgb.toFile()));
        expect(rgb, () -> TiffTestSupport.FORMAT.readHeader(rgb, ReadOptions.defaults()), "3 samples per pixel",
                "single-channel");

        Path twelve = tmp.resolve("12bit.tif");
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(new TestTiffBuilder.Page(8, 8, 12, new byte[96])).write(twelve);
        expect(twelve, () -> TiffTestSupport.FORMAT.readHeader(twelve, ReadOptions.defaults()), "12-bit", "16-bit");

        Path jpeg = tmp.resolve("jpeg.tif");
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(new TestTiffBuilder.Page(8, 8, 8, new byte[64]).compression(7, 1))
                .write(jpeg);
        expect(jpeg, () -> TiffTestSupport.FORMAT.readHeader(jpeg, ReadOptions.defaults()), "JPEG compression is not supported");

        Path fpPredictor = tmp.resolve("fp.tif");
        TestTiffBuilder.Page p = new TestTiffBuilder.Page(8, 8, 32, new byte[256]).compression(8, 1);
        p.sampleFormat = 3;
        p.shorts.put(317, new long[] {3});
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(p).write(fpPredictor);
        expect(fpPredictor, () -> TiffTestSupport.FORMAT.readHeader(fpPredictor, ReadOptions.defaults()), "floating-point predictor");

        Path dbl = tmp.resolve("double.tif");
        TestTiffBuilder.Page d = new TestTiffBuilder.Page(8, 8, 64, new byte[512]);
        d.sampleFormat = 3;
        new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false).add(d).write(dbl);
        expect(dbl, () -> TiffTestSupport.FORMAT.readHeader(dbl, ReadOptions.defaults()), "64-bit floating-point", "32-bit float");

        // int8 as written by brainreg (boundaries.tiff): refused, no signed types
        Path int8 = SharedData.testdata("brainreg_whole_brain/expected_output_Linux/boundaries.tiff");
        expect(int8, () -> TiffTestSupport.FORMAT.readHeader(int8, ReadOptions.defaults()), "signed 8-bit");
    }

    @Test
    void fileDeletedAfterOpeningIsReported() throws IOException {
        Path dir = copyPlanes("vanishing", 3);
        try (Volume<?> v = TiffTestSupport.open(dir)) {
            Path gone = dir.resolve("ch00002.tif");
            Files.delete(gone);
            expect(gone, () -> VolumeBlocks.readPlane(v, 2), "disappeared");
        }
    }

    @Test
    void closedVolumeCannotBeRead() throws IOException {
        Path f = SharedData.testdata("brainreg_whole_brain/expected_output_Linux/downsampled_standard.tiff");
        Volume<?> v = TiffTestSupport.open(f);
        VolumeBlocks.readPlane(v, 0);
        v.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VolumeBlocks.readPlane(v, 5));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void pixelTypeHelpersAgree() {
        // guard: the error tests above rely on uint16 being the type of the cellfinder planes
        assertEquals(PixelType.UINT16, PixelType.parse("uint16"));
    }
}

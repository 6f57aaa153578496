package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

/** Voxel size from ImageJ descriptions, OME-XML and the TIFF resolution tags; what is ignored and why. */
class TiffMetadataTest {

    @TempDir
    Path tmp;

    private VolumeHeader header(int pages, String description, long[] res, int unit) throws IOException {
        TestTiffBuilder b = new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
        for (int z = 0; z < pages; z++) {
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(4, 3, 8, new byte[12]);
            if (z == 0 && description != null) {
                p.description(description);
            }
            if (res != null) {
                p.resolution(res[0], res[1], res[2], res[3], unit);
            }
            b.add(p);
        }
        Path f = tmp.resolve("m" + System.nanoTime() + ".tif");
        b.write(f);
        return TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
    }

    private Optional<VoxelSize> voxel(int pages, String description, long[] res, int unit) throws IOException {
        return header(pages, description, res, unit).voxelSizeUm();
    }

    @Test
    void imageJUnitsAndSpacing() throws IOException {
        long[] halfMicron = {2, 1, 2, 1}; // 2 pixels per unit
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 3)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=micron\nspacing=3\n", halfMicron, 1));
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 3)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=um\nspacing=3\n", halfMicron, 1));
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 3)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=\\u00B5m\nspacing=3\n", halfMicron, 1));
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 3)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=\u00B5m\nspacing=3\n", halfMicron, 1));
        assertEquals(Optional.of(new VoxelSize(500, 500, 3000)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=mm\nspacing=3\n", halfMicron, 1));
        VoxelSize nm = voxel(3, "ImageJ=1.54f\nimages=3\nunit=nm\nspacing=300\n", new long[] {1, 650, 1, 650}, 1).orElseThrow();
        assertEquals(0.65, nm.xUm(), 1e-12);
        assertEquals(0.3, nm.zUm(), 1e-12);
        // ImageJ writes no spacing= when the voxel depth is 1 unit
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 1)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=micron\n", halfMicron, 1));
        // ImageJ overrides the TIFF unit (ImageJ stores "inch" resolution units with a micron description)
        assertEquals(Optional.of(new VoxelSize(0.5, 0.5, 3)), voxel(3, "ImageJ=1.54f\nimages=3\nunit=micron\nspacing=3\n", halfMicron, 2));
    }

    @Test
    void uncalibratedImageJAndDpiMeanNoVoxelSize() throws IOException {
        assertEquals(Optional.empty(), voxel(3, "ImageJ=1.52n\nunit= \nmin=0.0\n", new long[] {1, 1, 1, 1}, 1));
        assertEquals(Optional.empty(), voxel(3, "ImageJ=1.52n\nimages=3\nunit=pixel\n", new long[] {1, 1, 1, 1}, 1));
        assertEquals(Optional.empty(), voxel(3, "ImageJ=1.52n\nimages=3\nunit=inch\nspacing=2\n", new long[] {72, 1, 72, 1}, 2));
        assertEquals(Optional.empty(), voxel(3, null, new long[] {72, 1, 72, 1}, 2)); // 72 dpi
        assertEquals(Optional.empty(), voxel(3, null, null, 1));
        // a single-plane ImageJ file has no z
        assertEquals(Optional.empty(), voxel(1, "ImageJ=1.54f\nunit=micron\n", new long[] {2, 1, 2, 1}, 1));
    }

    @Test
    void centimetreResolutionGivesXyButNoZ() throws IOException {
        VolumeHeader h = header(3, null, new long[] {15384, 1, 15384, 1}, 3); // 15384 px/cm = 0.65 µm
        assertEquals(Optional.empty(), h.voxelSizeUm(), "xy known but z unknown: no voxel size");
        assertTrue(h.details().get("voxel size source").contains("z unknown"), h.details().toString());
        // with an ImageJ spacing the z is known (ImageJ says unit=cm here)
        VoxelSize v = voxel(3, "ImageJ=1.54f\nimages=3\nunit=cm\nspacing=0.0002\n", new long[] {15384, 1, 15384, 1}, 3).orElseThrow();
        assertEquals(1e4 / 15384, v.xUm(), 1e-9);
        assertEquals(2, v.zUm(), 1e-9);
    }

    @Test
    void omeXmlPhysicalSizes() throws IOException {
        String ome = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"4\" SizeY=\"3\" "
                + "SizeZ=\"3\" SizeC=\"1\" SizeT=\"1\" PhysicalSizeX=\"0.406\" PhysicalSizeXUnit=\"µm\" PhysicalSizeY=\"406\" "
                + "PhysicalSizeYUnit=\"nm\" PhysicalSizeZ=\"2.5\"><TiffData/></Pixels></Image></OME>";
        VolumeHeader h = header(3, ome, new long[] {72, 1, 72, 1}, 2);
        VoxelSize v = h.voxelSizeUm().orElseThrow();
        assertEquals(0.406, v.xUm(), 1e-12);
        assertEquals(0.406, v.yUm(), 1e-12);
        assertEquals(2.5, v.zUm(), 1e-12); // OME's default unit is µm
        assertEquals("OME-XML", h.details().get("metadata"));
        String twoChannels = ome.replace("SizeC=\"1\"", "SizeC=\"2\"");
        InputException e = assertThrows(InputException.class, () -> header(3, twoChannels, null, 1));
        assertTrue(e.getMessage().contains("2 channel(s)"), e.getMessage());
    }

    @Test
    void imageJHyperstacksAreRefused() {
        InputException e = assertThrows(InputException.class,
                () -> header(4, "ImageJ=1.54f\nimages=4\nchannels=2\nslices=2\nhyperstack=true\n", null, 1));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
        assertTrue(e.getMessage().contains("Split Channels"), e.getMessage());
        assertTrue(e.getMessage().contains(".tif"), "names the file: " + e.getMessage());
    }

    @Test
    void naturalOrder() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("image_10.tif", "image_2.tif", "Image_1.tif",
                "image_002b.tif", "image_100.tif", "image_20.tif", "a.tif", "image_99999999999999999999.tif", "image_0.tif"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(java.util.List.of("a.tif", "image_0.tif", "Image_1.tif", "image_2.tif", "image_002b.tif", "image_10.tif",
                "image_20.tif", "image_100.tif", "image_99999999999999999999.tif"), names);
    }
}

package org.neuroatlas.core.volume.hdf5;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

import org.neuroatlas.core.volume.PixelType;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/**
 * Small BigDataViewer and Imaris files written with jhdf's writer, with known voxels.
 * <p>
 * jhdf 0.13 writes what these formats use: chunked datasets with deflate, int16 (BigDataViewer) and unsigned
 * types (Imaris), fixed-length string attributes. Two differences from the real writers remain: jhdf stores a
 * one-character string as a 2-byte fixed string (Imaris: 1 byte), and it writes newer HDF5 structures (superblock
 * v2/v3, fixed-array chunk index) where HDF5 1.8/1.10 files from Imaris or BigDataViewer use superblock v0 and
 * B-tree chunk indexes. Reading such libhdf5-written files was checked by hand during development; the committed
 * tests use only jhdf.
 * <p>
 * jhdf 0.13 writer bug worked around here: a group holding no dataset (only attributes or empty groups), written
 * after a dataset, gets a wrong address, and jhdf and libhdf5 then fail to read the file ("Object header v2
 * signature not matched"). Which node is written last depends on a hash map's order, so every attribute-only group
 * of the Imaris fixture gets a one-byte dataset {@link #JHDF_WORKAROUND}, which real Imaris files lack and the
 * reader ignores.
 */
final class Hdf5Fixtures {

    private Hdf5Fixtures() {
    }

    /** Name of the dummy dataset that keeps jhdf's writer from producing a broken file (see class comment). */
    static final String JHDF_WORKAROUND = "jhdf-writer-workaround";

    /** Level sizes x, y, z of the BigDataViewer fixture. */
    static final long[][] BDV_LEVELS = {{40, 30, 20}, {20, 15, 10}};

    /** The uint16 value of voxel (x, y, z) of {@code setup} at {@code level} in the BigDataViewer fixture: above 32767, so int16 storage matters. */
    static int bdvValue(int setup, int level, int x, int y, int z) {
        return (40000 + setup * 5000 + level * 1000 + z * 100 + y * 3 + x) % 65536;
    }

    /**
     * Writes {@code dir/NAME.h5}: 2 setups, timepoint 0, 2 levels (factors 1 and 2), int16 voxels holding uint16
     * values, chunked as the subdivisions say (16×16×8, then 8×8×8, x×y×z) with deflate as BigDataViewer does. Returns the .h5 path.
     */
    static Path writeBdvH5(Path dir, String name) throws IOException {
        Path h5 = dir.resolve(name + ".h5");
        try (WritableHdfFile f = HdfFile.write(h5)) {
            for (int s = 0; s < 2; s++) {
                WritableGroup sg = f.putGroup(String.format("s%02d", s));
                sg.putDataset("resolutions", new double[][] {{1, 1, 1}, {2, 2, 2}});
                sg.putDataset("subdivisions", new int[][] {{16, 16, 8}, {8, 8, 8}});
            }
            WritableGroup t = f.putGroup("t00000");
            for (int s = 0; s < 2; s++) {
                WritableGroup sg = t.putGroup(String.format("s%02d", s));
                for (int level = 0; level < 2; level++) {
                    int setup = s;
                    int l = level;
                    long[] d = BDV_LEVELS[level];
                    Object cells = zyx(PixelType.UINT16, d, d, i -> {
                        int x = (int) (i % d[0]);
                        int y = (int) (i / d[0] % d[1]);
                        int z = (int) (i / (d[0] * d[1]));
                        return bdvValue(setup, l, x, y, z);
                    }, 0);
                    sg.putGroup(Integer.toString(level)).putDataset("cells", cells,
                            DatasetCreationOptions.builder().chunkDimensions(level == 0 ? new int[] {8, 16, 16} : new int[] {8, 8, 8}).deflate().build());
                }
            }
        }
        return h5;
    }

    /** The SpimData XML for {@link #writeBdvH5}: setup 0 at 0.5×0.5×2 µm, setup 1 given in nm (650×650×2500). */
    static String bdvXml(String h5Name, String loaderFormat, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SpimData version="0.2">
                  <BasePath type="relative">.</BasePath>
                  <SequenceDescription>
                    <ImageLoader format="%s">
                      <hdf5 type="relative">%s</hdf5>
                    </ImageLoader>
                    <ViewSetups>
                      <ViewSetup>
                        <id>0</id><name>GFP</name><size>40 30 20</size>
                        <voxelSize><unit>µm</unit><size>0.5 0.5 2.0</size></voxelSize>
                        <attributes><illumination>0</illumination><channel>0</channel><tile>0</tile><angle>0</angle></attributes>
                      </ViewSetup>
                      <ViewSetup>
                        <id>1</id><name>autofluorescence</name><size>40 30 20</size>
                        <voxelSize><unit>nm</unit><size>650 650 2500</size></voxelSize>
                        <attributes><illumination>0</illumination><channel>1</channel><tile>0</tile><angle>0</angle></attributes>
                      </ViewSetup>
                      <Attributes name="channel"><Channel><id>0</id><name>0</name></Channel><Channel><id>1</id><name>1</name></Channel></Attributes>
                    </ViewSetups>
                    <Timepoints type="range"><first>0</first><last>0</last></Timepoints>
                    %s
                  </SequenceDescription>
                  <ViewRegistrations/>
                </SpimData>
                """.formatted(loaderFormat, h5Name, extra);
    }

    /** Writes the .h5 and its .xml; returns the .xml path. */
    static Path writeBdv(Path dir, String name) throws IOException {
        writeBdvH5(dir, name);
        Path xml = dir.resolve(name + ".xml");
        Files.writeString(xml, bdvXml(name + ".h5", "bdv.hdf5", ""));
        return xml;
    }

    /** The image size x, y, z of the Imaris fixture per level. */
    static final long[][] IMS_LEVELS = {{50, 40, 30}, {25, 20, 15}};

    /** Imaris chunk size (z, y, x); datasets are padded to whole chunks. */
    static final int[] IMS_CHUNK = {16, 16, 32};

    /** The stored bits of voxel (x, y, z) of {@code channel} at {@code level} in the Imaris fixture. */
    static int imsBits(PixelType type, int channel, int level, int x, int y, int z) {
        int v = (channel * 20000 + level * 1000 + z * 100 + y * 2 + x) % 65536;
        return switch (type) {
            case UINT8 -> v % 256;
            case UINT16, FLOAT32 -> v;
            case UINT32 -> v | 0x80000000; // above 2^31: must read back unsigned
        };
    }

    /** The value the reader must return for {@link #imsBits} (float voxels are the value + 0.25). */
    static double imsValue(PixelType type, int channel, int level, int x, int y, int z) {
        int bits = imsBits(type, channel, level, x, y, z);
        return switch (type) {
            case UINT8, UINT16 -> bits;
            case UINT32 -> Integer.toUnsignedLong(bits);
            case FLOAT32 -> bits + 0.25;
        };
    }

    /** Marks the padding: never visible through the reader. */
    static final int PAD = 9999;

    /**
     * Writes an Imaris file: {@code channels} channels, timepoint 0, the levels of {@link #IMS_LEVELS}, voxels of
     * {@code type}, padded to whole 32×16×16 chunks with {@link #PAD}, every attribute as an array of one-character
     * strings, extent x −10…15, y 0…20, z 0…60 µm.
     */
    static Path writeIms(Path file, PixelType type, int channels, boolean signed16) throws IOException {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("ImarisDataSet", chars("ImarisDataSet"));
            f.putAttribute("ImarisVersion", chars("5.5.0"));
            WritableGroup info = f.putGroup("DataSetInfo");
            WritableGroup image = info.putGroup("Image");
            String[][] attrs = {{"X", "50"}, {"Y", "40"}, {"Z", "30"}, {"ExtMin0", "-10"}, {"ExtMin1", "0"}, {"ExtMin2", "0"},
                    {"ExtMax0", "15"}, {"ExtMax1", "20"}, {"ExtMax2", "60"}, {"Unit", "um"}, {"Name", "test sample"}};
            for (String[] a : attrs) {
                image.putAttribute(a[0], chars(a[1]));
            }
            image.putDataset(JHDF_WORKAROUND, new byte[1]);
            for (int c = 0; c < channels; c++) {
                WritableGroup g = info.putGroup("Channel " + c);
                g.putAttribute("Name", chars(c == 0 ? "GFP" : "cFos"));
                g.putDataset(JHDF_WORKAROUND, new byte[1]);
            }
            WritableGroup ds = f.putGroup("DataSet");
            for (int level = 0; level < IMS_LEVELS.length; level++) {
                WritableGroup tp = ds.putGroup("ResolutionLevel " + level).putGroup("TimePoint 0");
                long[] d = IMS_LEVELS[level];
                long[] padded = new long[3];
                int[] chunkXyz = {IMS_CHUNK[2], IMS_CHUNK[1], IMS_CHUNK[0]};
                for (int i = 0; i < 3; i++) {
                    padded[i] = (d[i] + chunkXyz[i] - 1) / chunkXyz[i] * chunkXyz[i];
                }
                for (int c = 0; c < channels; c++) {
                    WritableGroup ch = tp.putGroup("Channel " + c);
                    ch.putAttribute("ImageSizeX", chars(Long.toString(d[0])));
                    ch.putAttribute("ImageSizeY", chars(Long.toString(d[1])));
                    ch.putAttribute("ImageSizeZ", chars(Long.toString(d[2])));
                    int channel = c;
                    int l = level;
                    Object data = zyx(type, d, padded, i -> {
                        int x = (int) (i % d[0]);
                        int y = (int) (i / d[0] % d[1]);
                        int z = (int) (i / (d[0] * d[1]));
                        return imsBits(type, channel, l, x, y, z);
                    }, type == PixelType.UINT8 ? 250 : PAD);
                    DatasetCreationOptions.Builder o = DatasetCreationOptions.builder().chunkDimensions(IMS_CHUNK).deflate();
                    if (!signed16 && type != PixelType.FLOAT32) {
                        o.unsigned();
                    }
                    ch.putDataset("Data", data, o.build());
                }
            }
            // Real Imaris files have this preview too.
            f.putGroup("Thumbnail").putDataset("Data", new byte[16][64], DatasetCreationOptions.builder().unsigned().build());
        }
        return file;
    }

    /** Imaris' way of storing text: one single-character string per character. */
    static String[] chars(String s) {
        return s.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);
    }

    /**
     * A Java [z][y][x] array of {@code type}'s primitive, {@code padded} large, holding {@code value(i)} for voxel i
     * (x fastest, of the {@code dims} region) and {@code pad} elsewhere.
     */
    static Object zyx(PixelType type, long[] dims, long[] padded, IntUnaryOperator value, int pad) {
        Class<?> prim = switch (type) {
            case UINT8 -> byte.class;
            case UINT16 -> short.class;
            case UINT32 -> int.class;
            case FLOAT32 -> float.class;
        };
        Object out = Array.newInstance(prim, (int) padded[2], (int) padded[1], (int) padded[0]);
        for (int z = 0; z < padded[2]; z++) {
            for (int y = 0; y < padded[1]; y++) {
                Object row = Array.get(Array.get(out, z), y);
                for (int x = 0; x < padded[0]; x++) {
                    boolean inside = x < dims[0] && y < dims[1] && z < dims[2];
                    int v = inside ? value.applyAsInt((int) ((z * dims[1] + y) * dims[0] + x)) : pad;
                    switch (type) {
                        case UINT8 -> Array.setByte(row, x, (byte) v);
                        case UINT16 -> Array.setShort(row, x, (short) v);
                        case UINT32 -> Array.setInt(row, x, v);
                        case FLOAT32 -> Array.setFloat(row, x, v + 0.25f);
                    }
                }
            }
        }
        return out;
    }
}

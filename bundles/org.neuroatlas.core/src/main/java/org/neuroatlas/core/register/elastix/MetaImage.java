package org.neuroatlas.core.register.elastix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The MetaImage files (.mhd header + .raw data) elastix and transformix read and write: float scalar images out,
 * float vector images (deformation fields) in. Only the subset we write and transformix writes is supported:
 * uncompressed, little-endian, identity direction. Positions are physical units, which for us are always µm.
 */
final class MetaImage {

    /**
     * A grid read from a MetaImage: voxel {@code (i, j, k)} at {@code origin + (i, j, k)·spacing} (physical units),
     * {@code channels} values per voxel, x fastest.
     */
    record Grid(int[] dimensions, double[] spacing, double[] origin, int channels, float[] values) {
    }

    private MetaImage() {
    }

    /**
     * Writes a scalar float image as {@code name.mhd} + {@code name.raw} in {@code folder}; returns the .mhd.
     *
     * @param spacing voxel size, µm
     * @param origin  position of voxel (0, 0, 0)'s centre, µm (MetaImage's Offset has the same meaning)
     */
    static Path writeFloat(Path folder, String name, int[] dims, double[] spacing, double[] origin, float[] values) throws IOException {
        if ((long) dims[0] * dims[1] * dims[2] != values.length) {
            throw new IllegalArgumentException("image of " + dims[0] + "x" + dims[1] + "x" + dims[2] + " does not hold " + values.length + " values");
        }
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(folder.resolve(name + ".raw"), b.array());
        String header = String.format(Locale.ROOT, """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = False
                CompressedData = False
                TransformMatrix = 1 0 0 0 1 0 0 0 1
                Offset = %s %s %s
                ElementSpacing = %s %s %s
                DimSize = %d %d %d
                ElementType = MET_FLOAT
                ElementDataFile = %s.raw
                """, origin[0], origin[1], origin[2], spacing[0], spacing[1], spacing[2], dims[0], dims[1], dims[2], name);
        Path mhd = folder.resolve(name + ".mhd");
        Files.writeString(mhd, header);
        return mhd;
    }

    /**
     * Reads a 3-D float or double MetaImage (any number of channels) into floats.
     *
     * @throws IOException if the header is not of the supported kind or the data file is short
     */
    static Grid read(Path mhd) throws IOException {
        Map<String, String> h = new HashMap<>();
        for (String line : Files.readAllLines(mhd)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                h.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        require(mhd, h, "NDims", "3");
        require(mhd, h, "BinaryDataByteOrderMSB", "False");
        if (h.containsKey("CompressedData")) {
            require(mhd, h, "CompressedData", "False");
        }
        if (h.containsKey("TransformMatrix") && !identity(numbers(h.get("TransformMatrix")))) {
            throw new IOException(mhd + ": direction " + h.get("TransformMatrix") + " is not the identity, which we never write");
        }
        double[] d = numbers(get(mhd, h, "DimSize"));
        int[] dims = {(int) d[0], (int) d[1], (int) d[2]};
        double[] spacing = numbers(h.getOrDefault("ElementSpacing", "1 1 1"));
        double[] origin = numbers(h.getOrDefault("Offset", h.getOrDefault("Origin", "0 0 0")));
        int channels = Integer.parseInt(h.getOrDefault("ElementNumberOfChannels", "1"));
        String type = get(mhd, h, "ElementType");
        int bytes = switch (type) {
            case "MET_FLOAT" -> 4;
            case "MET_DOUBLE" -> 8;
            default -> throw new IOException(mhd + ": element type " + type + " (expected MET_FLOAT or MET_DOUBLE)");
        };
        long n = (long) dims[0] * dims[1] * dims[2] * channels;
        Path raw = mhd.resolveSibling(get(mhd, h, "ElementDataFile"));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() != n * bytes) {
            throw new IOException(raw + ": " + b.capacity() + " bytes, expected " + n * bytes);
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes == 4 ? b.getFloat() : (float) b.getDouble();
        }
        return new Grid(dims, spacing, origin, channels, values);
    }

    private static boolean identity(double[] m) {
        for (int i = 0; i < 9; i++) {
            if (Math.abs(m[i] - (i % 4 == 0 ? 1 : 0)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static void require(Path mhd, Map<String, String> h, String key, String value) throws IOException {
        if (!value.equalsIgnoreCase(get(mhd, h, key))) {
            throw new IOException(mhd + ": " + key + " = " + h.get(key) + ", only " + value + " is supported");
        }
    }

    private static String get(Path mhd, Map<String, String> h, String key) throws IOException {
        String v = h.get(key);
        if (v == null) {
            throw new IOException(mhd + ": no " + key + " in the header");
        }
        return v;
    }

    private static double[] numbers(String s) {
        String[] parts = s.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}

package org.neuroatlas.core.volume.nrrd;

import org.neuroatlas.core.volume.VoxelBytes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Writes a volume as a NRRD file with attached header, plane by plane (memory: one plane), atomically (the file
 * appears complete or not at all).
 * <p>
 * The header follows the layout of the Allen Institute's CCF files ({@code type}, {@code dimension: 3},
 * {@code sizes}, axis vectors or spacings in µm, {@code kinds: domain domain domain}, {@code endian: little},
 * {@code encoding}), so that atlas-like outputs look like Allen's own. The voxel size always reads back unchanged
 * through {@link NrrdFormat}.
 */
public final class NrrdWriter {

    /** How the voxels are stored. */
    public enum Encoding {
        /** gzip-compressed (Allen's choice; small files, but readers must decompress before seeking). */
        GZIP,
        /** uncompressed (large files that any reader can seek in). */
        RAW
    }

    /**
     * What to write.
     *
     * @param encoding   gzip or raw
     * @param lpsSpace   if true, write {@code space: left-posterior-superior}, {@code space directions} and
     *                   {@code space origin: (0,0,0)} like Allen's files; if false, no space field and the voxel
     *                   size as {@code spacings}. The axes are written as they are: NRRD's LPS label is Allen's
     *                   convention for the CCF grid, not a claim that x runs towards the left.
     * @param writeUnits if true, state the unit of the voxel size ({@code space units} or {@code units}, "microns");
     *                   Allen's files state none, and {@link NrrdFormat} then reads the numbers as µm
     * @param gzipLevel  deflate level 1 (fastest) … 9 (smallest) for gzip encoding
     */
    public record Options(Encoding encoding, boolean lpsSpace, boolean writeUnits, int gzipLevel) {

        public Options {
            if (encoding == null) {
                throw new IllegalArgumentException("encoding is null");
            }
            if (gzipLevel < 1 || gzipLevel > 9) {
                throw new IllegalArgumentException("gzip level must be 1..9: " + gzipLevel);
            }
        }

        /**
         * gzip, no space field, spacings with units. Level 1: whole-brain volumes run to tens of GB, and level 1
         * deflates several times faster than the usual 6 for a few percent larger files.
         */
        public static Options defaults() {
            return new Options(Encoding.GZIP, false, true, Deflater.BEST_SPEED);
        }

        /** The exact header layout of Allen's CCF NRRDs: gzip, LPS space, axis vectors in µm, no unit field. */
        public static Options allenLayout() {
            return new Options(Encoding.GZIP, true, false, Deflater.BEST_SPEED);
        }

        public Options withEncoding(Encoding e) {
            return new Options(e, lpsSpace, writeUnits, gzipLevel);
        }

        public Options withLpsSpace(boolean lps) {
            return new Options(encoding, lps, writeUnits, gzipLevel);
        }

        public Options withUnits(boolean units) {
            return new Options(encoding, lpsSpace, units, gzipLevel);
        }

        public Options withGzipLevel(int level) {
            return new Options(encoding, lpsSpace, writeUnits, level);
        }
    }

    private NrrdWriter() {
    }

    /**
     * Writes {@code volume} to {@code target} (a {@code .nrrd} file, replaced if present), reporting progress per
     * plane and stopping between planes when canceled (the target is then left as it was).
     *
     * @throws org.neuroatlas.core.CanceledException if canceled through {@code progress}
     * @throws InputException                        if {@code target} names a detached header ({@code .nhdr})
     */
    public static void write(Volume<?> volume, Path target, Options options, Progress progress) throws IOException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nhdr")) {
            throw InputException.file(target, "is a detached NRRD header name, but NeuroAtlas writes NRRDs with attached header",
                    "Give a .nrrd file name");
        }
        byte[] header = header(volume, options).getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(target, tmp -> {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                file.write(header);
                if (options.encoding() == Encoding.GZIP) {
                    GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16) {
                        {
                            def.setLevel(options.gzipLevel());
                        }
                    };
                    writePlanes(volume, gz, target, progress);
                    gz.finish();
                } else {
                    writePlanes(volume, file, target, progress);
                }
            }
        });
    }

    private static void writePlanes(Volume<?> volume, OutputStream out, Path target, Progress progress) throws IOException {
        long nz = volume.sizeZ();
        PixelType type = volume.pixelType();
        ByteBuffer buf = null;
        for (long z = 0; z < nz; z++) {
            progress.checkCanceled();
            Object plane = VolumeBlocks.readPlane(volume, z);
            int bytes = Math.toIntExact(volume.sizeX() * volume.sizeY() * type.bytesPerVoxel());
            if (buf == null) {
                buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
            buf.clear();
            VoxelBytes.encode(plane, type, buf);
            out.write(buf.array(), 0, bytes);
            progress.report((z + 1) / (double) nz, "writing " + target.getFileName() + ": plane " + (z + 1) + " of " + nz);
        }
    }

    /** The header text, ending with the blank line that separates it from the voxels. */
    static String header(Volume<?> volume, Options o) {
        VoxelSize v = volume.voxelSizeUm();
        StringBuilder h = new StringBuilder();
        h.append("NRRD0004\n");
        h.append("# Complete NRRD file format specification at:\n");
        h.append("# http://teem.sourceforge.net/nrrd/format.html\n");
        h.append("# written by NeuroAtlas; voxel size in microns\n");
        h.append("type: ").append(typeName(volume.pixelType())).append('\n');
        h.append("dimension: 3\n");
        if (o.lpsSpace()) {
            h.append("space: left-posterior-superior\n");
        }
        h.append("sizes: ").append(volume.sizeX()).append(' ').append(volume.sizeY()).append(' ').append(volume.sizeZ()).append('\n');
        if (o.lpsSpace()) {
            h.append("space directions: (").append(num(v.xUm())).append(",0,0) (0,").append(num(v.yUm())).append(",0) (0,0,")
                    .append(num(v.zUm())).append(")\n");
            if (o.writeUnits()) {
                h.append("space units: \"microns\" \"microns\" \"microns\"\n");
            }
        } else {
            h.append("spacings: ").append(num(v.xUm())).append(' ').append(num(v.yUm())).append(' ').append(num(v.zUm())).append('\n');
            if (o.writeUnits()) {
                h.append("units: \"microns\" \"microns\" \"microns\"\n");
            }
        }
        h.append("kinds: domain domain domain\n");
        h.append("endian: little\n");
        h.append("encoding: ").append(o.encoding() == Encoding.GZIP ? "gzip" : "raw").append('\n');
        if (o.lpsSpace()) {
            h.append("space origin: (0,0,0)\n");
        }
        volume.orientation().ifPresent(or -> h.append(NrrdHeader.ORIENTATION_KEY).append(":=").append(or.code()).append('\n'));
        h.append('\n');
        return h.toString();
    }

    /** Allen's spelling of the type names. */
    private static String typeName(PixelType t) {
        return switch (t) {
            case UINT8 -> "unsigned char";
            case UINT16 -> "unsigned short";
            case UINT32 -> "unsigned int";
            case FLOAT32 -> "float";
        };
    }

    /** Shortest text that parses back to the same double: {@code 25}, {@code 0.65}. */
    private static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}

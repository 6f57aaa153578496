package org.neuroatlas.core.volume.tiff;

import org.neuroatlas.core.volume.VoxelBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Writes volumes as uncompressed TIFF: one multi-page file, or a folder with one single-plane file per z plane.
 * <p>
 * Files are little-endian, in strips of about 256 KB, with the pixel type's SampleFormat and an ImageJ description
 * ({@code unit=micron}, {@code spacing=} z in µm) plus XResolution/YResolution = 1/voxel size in pixels per µm,
 * so that the voxel size round-trips through {@link TiffFormat} and Fiji. Classic TIFF is used unless the file
 * would reach 4 GiB, then BigTIFF (which Fiji opens through Bio-Formats).
 * <p>
 * Writing streams: the source is read one z plane at a time, never whole. Output appears atomically (see
 * {@link AtomicFile}): an error or cancellation leaves no partial file or folder.
 */
public final class TiffWriter {

    /** Bytes converted and written per system call. */
    private static final int WRITE_CHUNK = 4 << 20;

    private TiffWriter() {
    }

    /** Writes {@code volume} as one multi-page TIFF at {@code file}; BigTIFF only if needed. */
    public static void writeStack(Volume<?> volume, Path file, Progress progress) throws IOException {
        writeStack(volume, file, false, progress);
    }

    /**
     * Writes {@code volume} as one multi-page TIFF at {@code file}, page z = plane z.
     *
     * @param forceBigTiff write BigTIFF even if the file would be smaller than 4 GiB
     * @param progress     told after each plane; checked for cancellation before each
     */
    public static void writeStack(Volume<?> volume, Path file, boolean forceBigTiff, Progress progress) throws IOException {
        int[] size = planeSize(volume);
        int planes = Math.toIntExact(volume.sizeZ());
        StackLayout layout = StackLayout.plan(size[0], size[1], planes, volume.pixelType(), volume.voxelSizeUm(), forceBigTiff);
        AtomicFile.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                write(ch, layout, z -> VolumeBlocks.readPlane(volume, z), progress, "Writing " + file.getFileName());
            }
        });
    }

    /** Writes {@code volume} as a folder of single-plane TIFFs; BigTIFF only for planes of 4 GiB or more. */
    public static void writeSeries(Volume<?> volume, Path folder, String prefix, Progress progress) throws IOException {
        writeSeries(volume, folder, prefix, false, progress);
    }

    /**
     * Writes {@code volume} as the folder {@code folder} holding {@code <prefix>_<z>.tif} for each plane z, with z
     * counted from 0 and zero-padded (at least 5 digits) so that names sort in plane order. The folder replaces any
     * existing one only once complete.
     *
     * @param prefix       file name prefix, e.g. {@code ch0}; no path separators
     * @param forceBigTiff write BigTIFF files even if classic TIFF would do
     */
    public static void writeSeries(Volume<?> volume, Path folder, String prefix, boolean forceBigTiff, Progress progress)
            throws IOException {
        if (prefix == null || prefix.isBlank() || prefix.contains("/") || prefix.contains("\\")) {
            throw InputException.parameter("prefix", "'" + prefix + "' is not a usable file name prefix",
                    "Give a short name without slashes, e.g. ch0");
        }
        int[] size = planeSize(volume);
        int planes = Math.toIntExact(volume.sizeZ());
        StackLayout layout = StackLayout.plan(size[0], size[1], 1, volume.pixelType(), volume.voxelSizeUm(), forceBigTiff);
        AtomicFile.writeDirectory(folder, tmp -> {
            for (int z = 0; z < planes; z++) {
                progress.checkCanceled();
                String name = seriesFileName(prefix, z, planes);
                long plane = z;
                try (FileChannel ch = FileChannel.open(tmp.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    write(ch, layout, ignored -> VolumeBlocks.readPlane(volume, plane), Progress.NONE, null);
                }
                progress.report((z + 1.0) / planes, "Writing " + name + " (" + (z + 1) + " of " + planes + ")");
            }
        });
    }

    /**
     * The file name of plane z in a series written by {@link #writeSeries}: {@code <prefix>_<z>.tif}, z zero-padded to
     * at least 5 digits (more if {@code planes} needs them) so that names sort in plane order.
     */
    public static String seriesFileName(String prefix, long z, long planes) {
        int digits = Math.max(5, Long.toString(Math.max(0, planes - 1)).length());
        return String.format(Locale.ROOT, "%s_%0" + digits + "d.tif", prefix, z);
    }

    /**
     * Writes one plane as a single-page TIFF at {@code file} (not atomically: for producers that write a whole
     * folder of planes under a temporary name, as {@link #writeSeries} does).
     *
     * @param voxels primitive array of {@code width × height} voxels, x fastest, of {@code type}'s storage type
     * @param voxel  voxel size, µm (z is recorded as the spacing)
     */
    public static void writePlane(Path file, Object voxels, int width, int height, PixelType type, VoxelSize voxel) throws IOException {
        StackLayout layout = StackLayout.plan(width, height, 1, type, voxel, false);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            write(ch, layout, ignored -> voxels, Progress.NONE, null);
        }
    }

    private static int[] planeSize(Volume<?> volume) {
        return new int[] {Math.toIntExact(volume.sizeX()), Math.toIntExact(volume.sizeY())};
    }

    @FunctionalInterface
    private interface PlaneSupplier {
        Object plane(long z);
    }

    /** Writes the planned file: header, first IFD, planes, remaining IFDs. */
    private static void write(FileChannel ch, StackLayout layout, PlaneSupplier planes, Progress progress, String message)
            throws IOException {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        ByteBuffer head = ByteBuffer.allocate((int) layout.dataStart).order(order);
        head.put((byte) 'I').put((byte) 'I');
        if (layout.bigTiff) {
            head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(layout.ifdOffset(0));
        } else {
            head.putShort((short) 42).putInt((int) layout.ifdOffset(0));
        }
        head.put(layout.ifd(0).encode(layout.ifdOffset(0), layout.planes > 1 ? layout.ifdOffset(1) : 0, order));
        head.position(0);
        writeFully(ch, head);
        ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min(WRITE_CHUNK, Math.max(8, layout.planeBytes))).order(order);
        for (int z = 0; z < layout.planes; z++) {
            progress.checkCanceled();
            Object voxels = planes.plane(z);
            writePlane(ch, voxels, layout.type, chunk);
            if (message != null) {
                progress.report((z + 1.0) / layout.planes, message + ": plane " + (z + 1) + " of " + layout.planes);
            }
        }
        if (layout.planes > 1) {
            long pad = layout.tailStart - ch.position();
            writeFully(ch, ByteBuffer.allocate((int) pad));
            for (int z = 1; z < layout.planes; z++) {
                long next = z + 1 < layout.planes ? layout.ifdOffset(z + 1) : 0;
                writeFully(ch, layout.ifd(z).encode(layout.ifdOffset(z), next, order));
            }
        }
        if (ch.position() != layout.totalBytes) {
            throw new IllegalStateException("TIFF layout error: wrote " + ch.position() + " bytes, planned " + layout.totalBytes);
        }
    }

    private static void writePlane(FileChannel ch, Object voxels, PixelType type, ByteBuffer chunk) throws IOException {
        int bpv = type.bytesPerVoxel();
        int n = java.lang.reflect.Array.getLength(voxels);
        int perChunk = chunk.capacity() / bpv;
        for (int i = 0; i < n; i += perChunk) {
            int k = Math.min(perChunk, n - i);
            chunk.clear();
            VoxelBytes.put(voxels, i, VoxelBytes.view(chunk, ByteOrder.LITTLE_ENDIAN, type), 0, k);
            chunk.limit(k * bpv);
            writeFully(ch, chunk);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}

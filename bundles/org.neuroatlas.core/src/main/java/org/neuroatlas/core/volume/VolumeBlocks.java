package org.neuroatlas.core.volume;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.AbstractCellImg;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Copies boxes of voxels out of a volume into primitive arrays, for hot loops and writers. Cell images (lazily
 * read files, {@link LazyVolumes}) are copied row by row from their blocks; any other image voxel by voxel.
 */
public final class VolumeBlocks {

    private VolumeBlocks() {
    }

    /**
     * The box at {@code min} (x, y, z) of {@code size} voxels as a primitive array of the volume's pixel type
     * (byte[], short[], int[] or float[]), x fastest. The box must lie inside the volume.
     */
    public static Object read(Volume<?> volume, long[] min, int[] size) {
        Object out = volume.pixelType().newArray(Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]));
        copy(volume.voxels(), volume.pixelType(), min, size, out);
        return out;
    }

    /** One plane {@code z} of the volume as a primitive array (x fastest). */
    public static Object readPlane(Volume<?> volume, long z) {
        return read(volume, new long[] {0, 0, z}, new int[] {Math.toIntExact(volume.sizeX()), Math.toIntExact(volume.sizeY()), 1});
    }

    /**
     * Like {@link #read} but into an existing array of the right type holding at least the box. Voxels of a lazily
     * read file are read straight from the file (bypassing the block cache: box copies are for streaming, where
     * caching only costs); other cell images are copied from their cells; anything else voxel by voxel.
     *
     * @throws java.io.UncheckedIOException if reading the file failed
     */
    public static void copy(RandomAccessibleInterval<? extends RealType<?>> voxels, PixelType type, long[] min, int[] size, Object out) {
        BlockReader file = LazyVolumes.readerOf(voxels);
        if (file != null) {
            try {
                file.readInto(min.clone(), size.clone(), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        if (voxels instanceof AbstractCellImg<?, ?, ?, ?> cells && isZeroMin(voxels)) {
            copyFromCells(cells, type, min, size, out);
            return;
        }
        long[] max = {min[0] + size[0] - 1, min[1] + size[1] - 1, min[2] + size[2] - 1};
        Cursor<? extends RealType<?>> c = Views.flatIterable(Views.interval(voxels, new FinalInterval(min, max))).cursor();
        int i = 0;
        switch (type) {
            case UINT8 -> {
                byte[] a = (byte[]) out;
                while (c.hasNext()) {
                    a[i++] = (byte) (int) c.next().getRealDouble();
                }
            }
            case UINT16 -> {
                short[] a = (short[]) out;
                while (c.hasNext()) {
                    a[i++] = (short) (int) c.next().getRealDouble();
                }
            }
            case UINT32 -> {
                int[] a = (int[]) out;
                while (c.hasNext()) {
                    a[i++] = (int) (long) c.next().getRealDouble();
                }
            }
            case FLOAT32 -> {
                float[] a = (float[]) out;
                while (c.hasNext()) {
                    a[i++] = c.next().getRealFloat();
                }
            }
        }
    }

    private static boolean isZeroMin(RandomAccessibleInterval<?> r) {
        return r.min(0) == 0 && r.min(1) == 0 && r.min(2) == 0;
    }

    private static void copyFromCells(AbstractCellImg<?, ?, ?, ?> img, PixelType type, long[] min, int[] size, Object out) {
        CellGrid grid = img.getCellGrid();
        RandomAccess<? extends Cell<?>> cellAccess = img.getCells().randomAccess();
        int[] cellDims = grid.getCellDimensions();
        long[] g0 = new long[3];
        long[] g1 = new long[3];
        for (int d = 0; d < 3; d++) {
            g0[d] = min[d] / cellDims[d];
            g1[d] = (min[d] + size[d] - 1) / cellDims[d];
        }
        long[] cellMin = new long[3];
        for (long gz = g0[2]; gz <= g1[2]; gz++) {
            for (long gy = g0[1]; gy <= g1[1]; gy++) {
                for (long gx = g0[0]; gx <= g1[0]; gx++) {
                    cellAccess.setPosition(new long[] {gx, gy, gz});
                    Cell<?> cell = cellAccess.get();
                    Object data = ((ArrayDataAccess<?>) cell.getData()).getCurrentStorageArray();
                    for (int d = 0; d < 3; d++) {
                        cellMin[d] = cell.min(d);
                    }
                    int cw = (int) cell.dimension(0);
                    int ch = (int) cell.dimension(1);
                    long x0 = Math.max(min[0], cellMin[0]);
                    long x1 = Math.min(min[0] + size[0], cellMin[0] + cw);
                    long y0 = Math.max(min[1], cellMin[1]);
                    long y1 = Math.min(min[1] + size[1], cellMin[1] + ch);
                    long z0 = Math.max(min[2], cellMin[2]);
                    long z1 = Math.min(min[2] + size[2], cellMin[2] + cell.dimension(2));
                    int len = (int) (x1 - x0);
                    for (long z = z0; z < z1; z++) {
                        for (long y = y0; y < y1; y++) {
                            int src = (int) (((z - cellMin[2]) * ch + (y - cellMin[1])) * cw + (x0 - cellMin[0]));
                            int dst = (int) (((z - min[2]) * size[1] + (y - min[1])) * size[0] + (x0 - min[0]));
                            System.arraycopy(data, src, out, dst, len);
                        }
                    }
                }
            }
        }
    }
}

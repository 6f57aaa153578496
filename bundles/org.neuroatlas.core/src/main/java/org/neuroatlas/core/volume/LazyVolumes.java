package org.neuroatlas.core.volume;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * Builds ImgLib2 images whose voxels are loaded block by block on first access through a {@link BlockCache}.
 * Opening costs nothing; memory is bounded by the cache, whatever the volume size (indices are long, so volumes
 * beyond 2^31 voxels are fine).
 */
public final class LazyVolumes {

    private LazyVolumes() {
    }

    /**
     * A lazily loaded image.
     *
     * @param dims      size in voxels (x, y, z)
     * @param blockDims block size in voxels (x, y, z); blocks at the far edges are clipped
     * @param owner     cache owner id from {@link BlockCache#newOwner()}
     */
    public static <T extends RealType<T> & NativeType<T>> RandomAccessibleInterval<T> create(long[] dims, int[] blockDims,
            PixelType pixelType, BlockReader reader, BlockCache cache, long owner) {
        CellGrid grid = new CellGrid(dims.clone(), blockDims.clone());
        LazyCellImg.Get<Cell<ArrayDataAccess<?>>> get = index -> {
            long[] cellMin = new long[3];
            int[] cellDims = new int[3];
            grid.getCellDimensions(index, cellMin, cellDims);
            Object array = cache.get(owner, index, () -> {
                Object a = reader.read(cellMin.clone(), cellDims.clone());
                long expected = (long) cellDims[0] * cellDims[1] * cellDims[2];
                if (BlockCache.bytesOf(a) != expected * pixelType.bytesPerVoxel()) {
                    throw new IllegalStateException("block reader returned " + BlockCache.bytesOf(a) + " bytes for block "
                            + Arrays.toString(cellDims) + " of " + pixelType);
                }
                return a;
            });
            return new Cell<>(cellDims, cellMin, pixelType.wrap(array));
        };
        T type = pixelType.createVariable();
        @SuppressWarnings({"unchecked", "rawtypes"})
        RandomAccessibleInterval<T> img = new FileCellImg(grid, type, get, reader);
        return img;
    }

    /** The block reader behind an image made by {@link #create}, for reads that bypass the cache; null for others. */
    static BlockReader readerOf(RandomAccessibleInterval<?> img) {
        return img instanceof FileCellImg<?, ?> f ? f.reader : null;
    }

    /**
     * A lazy cell image that remembers its file reader, so that large box copies ({@link VolumeBlocks}) can read
     * straight from the file into the caller's array instead of going through the cache block by block.
     */
    private static final class FileCellImg<T extends NativeType<T>, A extends ArrayDataAccess<A>> extends LazyCellImg<T, A> {

        final BlockReader reader;

        FileCellImg(CellGrid grid, T type, Get<Cell<A>> get, BlockReader reader) {
            super(grid, type, get);
            this.reader = reader;
        }
    }
}

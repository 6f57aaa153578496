package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class LazyVolumesTest {

    /** A synthetic "file": voxel value is a function of position, so any block can be checked. */
    private static short value(long x, long y, long z) {
        return (short) (x * 7 + y * 131 + z * 1009);
    }

    private static BlockReader synthetic(AtomicInteger reads) {
        return (min, size) -> {
            reads.incrementAndGet();
            short[] a = new short[size[0] * size[1] * size[2]];
            int i = 0;
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        a[i++] = value(min[0] + x, min[1] + y, min[2] + z);
                    }
                }
            }
            return a;
        };
    }

    @Test
    void voxelsMatchTheFileAndNothingIsReadBeforeAccess() {
        AtomicInteger reads = new AtomicInteger();
        BlockCache cache = new BlockCache(1 << 20);
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {50, 40, 9}, new int[] {16, 16, 2},
                PixelType.UINT16, synthetic(reads), cache, BlockCache.newOwner());
        assertEquals(0, reads.get());
        Cursor<UnsignedShortType> c = Views.flatIterable(img).localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            assertEquals(value(c.getLongPosition(0), c.getLongPosition(1), c.getLongPosition(2)) & 0xffff, c.get().get());
        }
        // 4 × 3 × 5 blocks (edges clipped), each read once while the cache holds them all.
        assertEquals(4 * 3 * 5, reads.get());
    }

    @Test
    void cacheStaysWithinBudgetAndRereadsEvictedBlocks() {
        AtomicInteger reads = new AtomicInteger();
        int blockBytes = 32 * 32 * 2;
        BlockCache cache = new BlockCache(3L * blockBytes);
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {32, 32, 10}, new int[] {32, 32, 1},
                PixelType.UINT16, synthetic(reads), cache, BlockCache.newOwner());
        RandomAccess<UnsignedShortType> ra = img.randomAccess();
        for (int pass = 0; pass < 2; pass++) {
            for (int z = 0; z < 10; z++) {
                ra.setPosition(new long[] {3, 4, z});
                assertEquals(value(3, 4, z) & 0xffff, ra.get().get());
                assertTrue(cache.usedBytes() <= cache.budgetBytes());
            }
        }
        assertEquals(20, reads.get(), "10 planes, each evicted before the second pass");
    }

    @Test
    void concurrentRequestsForOneBlockLoadItOnce() {
        BlockCache cache = new BlockCache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        long owner = BlockCache.newOwner();
        ConcurrentHashMap<Object, Boolean> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 64).parallel().forEach(i -> seen.put(cache.get(owner, 7, () -> {
            loads.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return new short[10];
        }), true));
        assertEquals(1, loads.get());
        assertEquals(1, seen.size(), "every caller got the same array");
    }

    @Test
    void failedLoadIsReportedAndRetriedNextTime() {
        BlockCache cache = new BlockCache(1 << 20);
        long owner = BlockCache.newOwner();
        assertThrows(UncheckedIOException.class, () -> cache.get(owner, 1, () -> {
            throw new IOException("disk on fire");
        }));
        assertArrayEquals(new short[3], (short[]) cache.get(owner, 1, () -> new short[3]));
        assertEquals(6, cache.usedBytes());
        cache.invalidate(owner);
        assertEquals(0, cache.usedBytes());
    }

    @Test
    void blocksCopyOutOfCellImagesAndPlainImagesAlike() {
        AtomicInteger reads = new AtomicInteger();
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {37, 23, 11}, new int[] {8, 5, 3},
                PixelType.UINT16, synthetic(reads), new BlockCache(1 << 20), BlockCache.newOwner());
        Volume<UnsignedShortType> lazy = Volume.of(img, VoxelSize.isotropic(1), PixelType.UINT16, "lazy");
        // The same voxels through a view (not a cell image) take the generic path.
        Volume<UnsignedShortType> viewed = Volume.of(Views.zeroMin(Views.interval(img, img)), VoxelSize.isotropic(1), PixelType.UINT16, "view");
        long[] min = {3, 4, 2};
        int[] size = {30, 17, 7};
        short[] a = (short[]) VolumeBlocks.read(lazy, min, size);
        short[] b = (short[]) VolumeBlocks.read(viewed, min, size);
        assertArrayEquals(a, b);
        int i = 0;
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertEquals(value(min[0] + x, min[1] + y, min[2] + z), a[i++]);
                }
            }
        }
    }
}

package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.BlockReader;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeFormat;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * TIFF volumes: a multi-page file (format {@code tiff}, one page per z plane) or a folder of single-plane files
 * (format {@code tiff-series}, natural file-name order, optionally filtered by {@link ReadOptions#glob()}).
 * <p>
 * Reads classic TIFF and BigTIFF in either byte order, stripped or tiled, uncompressed, LZW (with or without the
 * horizontal predictor), Deflate or PackBits, with one sample per pixel of type uint8, uint16, uint32 or float32.
 * The voxel size comes from ImageJ or OME-XML metadata (see {@link TiffMetadata}); axes are x = column,
 * y = row, z = page or file. Voxels are read lazily in blocks aligned to the strips or tiles of the files.
 */
public final class TiffFormat implements VolumeFormat {

    /** Idle plane files kept open per volume; a series of thousands of files is read through this many descriptors. */
    private static final int OPEN_FILES_PER_SERIES = 8;

    @Override
    public String name() {
        return "tiff";
    }

    @Override
    public boolean canOpen(Path path) {
        if (Files.isRegularFile(path)) {
            return TiffSeries.isTiffName(path.getFileName().toString());
        }
        if (Files.isDirectory(path)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
                for (Path p : ds) {
                    if (TiffSeries.isTiffName(p.getFileName().toString())) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public VolumeHeader readHeader(Path path, ReadOptions options) throws IOException {
        if (Files.isDirectory(path)) {
            return TiffSeries.scan(path, options.glob().orElse(null), true).header();
        }
        return TiffStack.open(path).header();
    }

    @Override
    public Volume<?> open(Path path, ReadOptions options, VolumeHeader header) throws IOException {
        PlaneSource planes;
        TiffPage first;
        int maxOpen;
        if (Files.isDirectory(path)) {
            // The header already checked every file; here only the list and the first file are read again.
            TiffSeries s = TiffSeries.scan(path, options.glob().orElse(null), false);
            planes = s;
            first = s.firstPage();
            maxOpen = OPEN_FILES_PER_SERIES;
        } else {
            TiffStack s = TiffStack.open(path);
            planes = s;
            first = s.firstPage();
            maxOpen = 1;
        }
        long[] dims = {first.width(), first.height(), planes.planeCount()};
        if (!Arrays.equals(dims, header.dimensions()) || first.pixelType() != header.pixelType()) {
            throw InputException.file(path, "changed while it was being opened (now " + dims[0] + "×" + dims[1] + "×" + dims[2] + " "
                    + first.pixelType() + ", header said " + Arrays.toString(header.dimensions()) + " " + header.pixelType() + ")",
                    "Do not modify input files while NeuroAtlas reads them; run again");
        }
        VoxelSize voxel = header.voxelSizeUm().orElseThrow(() -> InputException.file(path, "has no voxel size in its metadata",
                "Give it as X,Y,Z in µm (column, row, plane)"));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", header.format());
        meta.put("path", path.toString());
        meta.putAll(header.details());
        String name = path.getFileName() != null ? path.getFileName().toString() : path.toString();
        ChannelPool pool = new ChannelPool(maxOpen);
        BlockCache cache = options.cache();
        long owner = BlockCache.newOwner();
        int[] blockDims = TiffBlockReader.blockDims(first);
        TiffBlockReader reader = new TiffBlockReader(planes, pool, first.pixelType(), name);
        AutoCloseable resources = () -> {
            pool.close();
            cache.invalidate(owner);
        };
        return build(dims, blockDims, first.pixelType(), reader, cache, owner, voxel, name, header, meta, resources);
    }

    private static <T extends RealType<T> & NativeType<T>> Volume<T> build(long[] dims, int[] blockDims, PixelType type,
            BlockReader reader, BlockCache cache, long owner, VoxelSize voxel, String name, VolumeHeader header,
            Map<String, String> meta, AutoCloseable resources) {
        RandomAccessibleInterval<T> img = LazyVolumes.create(dims, blockDims, type, reader, cache, owner);
        return Volume.of(img, voxel, type, name, header.orientation().orElse(null), meta, resources);
    }
}

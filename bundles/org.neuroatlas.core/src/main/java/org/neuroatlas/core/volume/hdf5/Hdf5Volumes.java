package org.neuroatlas.core.volume.hdf5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeHeader;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;

import net.imglib2.RandomAccessibleInterval;

/** What the BigDataViewer and Imaris readers share: opening files, describing storage, building lazy volumes. */
final class Hdf5Volumes {

    private Hdf5Volumes() {
    }

    /**
     * Opens {@code file} with jhdf.
     *
     * @throws InputException if it is missing or not an HDF5 file
     */
    static HdfFile openFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.file(file, "does not exist", "Check the path");
        }
        try {
            return new HdfFile(file);
        } catch (HdfException | IllegalArgumentException e) {
            throw InputException.file(file, "is not a readable HDF5 file (" + e.getMessage() + ")",
                    "Check that the file is complete (an interrupted copy?) and really HDF5; export it again if needed", e);
        }
    }

    /**
     * The error for a file whose HDF5 structures jhdf could not read (a damaged or truncated file, or a feature
     * jhdf lacks), as opposed to a path that simply does not exist.
     */
    static InputException damaged(Path file, HdfException e) {
        return InputException.file(file, "could not be read as HDF5 (" + e.getMessage() + ")",
                "The file may be damaged or incomplete (an interrupted copy?); copy or export it again", e);
    }

    /** "chunked 64×64×32 (x×y×z), deflate" or "contiguous". */
    static String storage(Dataset ds) {
        int[] c = Hdf5BlockReader.chunkXyz(ds);
        String s = c == null ? "contiguous" : "chunked " + c[0] + "×" + c[1] + "×" + c[2] + " (x×y×z)";
        String filters = ds.getFilters().stream().map(f -> f.getName()).collect(Collectors.joining(", "));
        return filters.isEmpty() ? s : s + ", " + filters;
    }

    /** "a, b, c" for a list of ids. */
    static String list(Iterable<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        for (int i : ids) {
            sb.append(sb.length() == 0 ? "" : ", ").append(i);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /**
     * A lazy volume over {@code dataset} of {@code header.dimensions()} voxels (which may be smaller than the dataset:
     * Imaris pads), owning {@code file}: closing the volume closes the file and drops its cached blocks.
     */
    static Volume<?> lazyVolume(HdfFile file, Dataset dataset, PixelType type, VolumeHeader header, ReadOptions options, String name) {
        long[] dims = header.dimensions();
        Hdf5BlockReader reader = new Hdf5BlockReader(file.getFileAsPath(), dataset, type, file);
        BlockCache cache = options.cache();
        long owner = BlockCache.newOwner();
        int[] block = Hdf5BlockReader.blockDims(dims, Hdf5BlockReader.chunkXyz(dataset), type);
        RandomAccessibleInterval<?> voxels = LazyVolumes.create(dims, block, type, reader, cache, owner);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", header.format());
        metadata.put("path", header.path().toString());
        metadata.putAll(header.details());
        AutoCloseable resources = () -> {
            try {
                synchronized (file) {
                    file.close();
                }
            } finally {
                cache.invalidate(owner);
            }
        };
        @SuppressWarnings({"rawtypes", "unchecked"})
        Volume<?> v = Volume.of((RandomAccessibleInterval) voxels, header.voxelSizeUm().orElseThrow(), type, name,
                header.orientation().orElse(null), metadata, resources);
        return v;
    }
}

package org.neuroatlas.core.volume.nrrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeFormat;
import org.neuroatlas.core.volume.VolumeHeader;

/**
 * NRRD volumes ({@code .nrrd} with attached header, {@code .nhdr} with detached data files): types uint8, uint16,
 * uint32 and float32, raw or gzip encoding, either byte order, 2-D (one plane) or 3-D. Voxel size in µm comes from
 * {@code space directions} or {@code spacings} and their units; the axes are x = first NRRD axis (fastest in the
 * file), y, z.
 * <p>
 * Opening is lazy. Raw payloads are read block by block with positional reads. Gzip payloads cannot be seeked, so
 * on the first voxel access the payload is decompressed once into a temporary file (see
 * {@link GzipPayloadCache}), which is deleted when the volume is closed.
 */
public final class NrrdFormat implements VolumeFormat {

    private final Path tempDir;

    /** Decompresses gzip payloads into {@code -Dneuroatlas.tmpdir} (default {@code java.io.tmpdir}). */
    public NrrdFormat() {
        this(null);
    }

    /** Decompresses gzip payloads into {@code tempDir} (null: the default folder). */
    public NrrdFormat(Path tempDir) {
        this.tempDir = tempDir;
    }

    @Override
    public String name() {
        return "nrrd";
    }

    @Override
    public boolean canOpen(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".nrrd") || n.endsWith(".nhdr")) && Files.isRegularFile(path);
    }

    @Override
    public VolumeHeader readHeader(Path path, ReadOptions options) throws IOException {
        NrrdHeader h = NrrdHeader.read(path);
        NrrdPayload.locate(h); // fails early on a missing data file or a truncated raw payload
        return toVolumeHeader(h);
    }

    private VolumeHeader toVolumeHeader(NrrdHeader h) throws IOException {
        long bytes = Files.size(h.file);
        for (Path f : h.dataFiles) {
            bytes += Files.size(f);
        }
        return new VolumeHeader(h.file, name(), h.sizes, h.pixelType, h.voxelSizeUm, h.orientation, bytes, h.details);
    }

    @Override
    public Volume<?> open(Path path, ReadOptions options, VolumeHeader header) throws IOException {
        NrrdHeader h = NrrdHeader.read(path);
        NrrdPayload payload = NrrdPayload.locate(h);
        NrrdBlockReader.Source source = h.encoding == NrrdHeader.Encoding.RAW ? rawSource(payload, h) : gzipSource(payload, h);
        NrrdBlockReader reader = new NrrdBlockReader(h.sizes, h.pixelType, source);
        BlockCache cache = options.cache();
        long owner = BlockCache.newOwner();
        var voxels = LazyVolumes.create(h.sizes, NrrdBlockReader.blockDims(h.sizes, h.pixelType), h.pixelType, reader, cache, owner);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", name());
        metadata.put("path", h.file.toString());
        metadata.putAll(header.details());
        AutoCloseable resources = () -> {
            try {
                reader.close();
            } finally {
                cache.invalidate(owner);
            }
        };
        @SuppressWarnings({"rawtypes", "unchecked"})
        Volume<?> v = Volume.of((net.imglib2.RandomAccessibleInterval) voxels, header.voxelSizeUm().orElseThrow(), h.pixelType,
                h.file.getFileName().toString(), header.orientation().orElse(null), metadata, resources);
        return v;
    }

    /** Raw payload: the data files are opened now (cheap) and read block by block. */
    private static NrrdBlockReader.Source rawSource(NrrdPayload payload, NrrdHeader h) throws IOException {
        RawVoxelSource raw = new RawVoxelSource(payload.segments(), h.byteOrder);
        return new NrrdBlockReader.Source() {
            @Override
            public RawVoxelSource get() {
                return raw;
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
    }

    /** Gzip payload: nothing happens until the first block is read. */
    private NrrdBlockReader.Source gzipSource(NrrdPayload payload, NrrdHeader h) {
        GzipPayloadCache gz = new GzipPayloadCache(h, payload, tempDir != null ? tempDir : TempFiles.defaultDirectory());
        return new NrrdBlockReader.Source() {
            @Override
            public RawVoxelSource get() throws IOException {
                return gz.source();
            }

            @Override
            public void close() throws IOException {
                gz.close();
            }
        };
    }
}

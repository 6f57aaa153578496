package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.VolumeHeader;

/**
 * A folder of single-plane TIFF files, one z plane per file in natural name order (see {@link NaturalOrder}).
 * Checking the series reads only the header and first IFD of each file, usually a single read of a few KB.
 * Calibration comes from the first file. Strip tables are read when a plane is first loaded.
 */
final class TiffSeries implements PlaneSource {

    private final Path folder;
    private final List<Path> files;
    private final TiffPage first;
    private final TiffHeader firstHeader;
    private final TiffMetadata metadata;
    private final long fileBytes;
    private final String glob;
    private final RecentPlanes recent = new RecentPlanes();

    private TiffSeries(Path folder, List<Path> files, TiffPage first, TiffHeader firstHeader, TiffMetadata metadata,
            long fileBytes, String glob) {
        this.folder = folder;
        this.files = files;
        this.first = first;
        this.firstHeader = firstHeader;
        this.metadata = metadata;
        this.fileBytes = fileBytes;
        this.glob = glob;
    }

    /** True for names ending in .tif or .tiff, any case. */
    static boolean isTiffName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith(".tif") || n.endsWith(".tiff")) && !n.startsWith(".");
    }

    /** The TIFF files of {@code folder} matching {@code glob} (a java.nio glob on file names), in natural order. */
    static List<Path> list(Path folder, String glob) throws IOException {
        PathMatcher m = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                Path name = p.getFileName();
                if (isTiffName(name.toString()) && (m == null || m.matches(name)) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()));
        if (files.isEmpty()) {
            throw InputException.file(folder, "contains no .tif or .tiff files" + (glob == null ? "" : " matching '" + glob + "'"),
                    glob == null ? "Choose the folder that holds the plane files, or a multi-page TIFF file"
                            : "Check the file name pattern (a glob such as ch0*.tif) and the folder");
        }
        return files;
    }

    /**
     * Lists and checks the series.
     *
     * @param checkAll true to read the first IFD of every file and check that all planes agree (for the header);
     *                 false to trust an earlier check and read only the first file (for opening)
     */
    static TiffSeries scan(Path folder, String glob, boolean checkAll) throws IOException {
        List<Path> files = list(folder, glob);
        Path firstFile = files.get(0);
        TiffPage first;
        TiffHeader firstHeader;
        TiffMetadata meta;
        long bytes;
        try (FileChannel ch = FileChannel.open(firstFile, StandardOpenOption.READ)) {
            TiffInput in = new TiffInput(firstFile, ch, ch.size());
            firstHeader = TiffHeader.read(in);
            Ifd ifd = Ifd.read(in, firstHeader.firstIfdOffset(), firstHeader.bigTiff(), "first IFD");
            first = TiffPage.of(ifd, firstFile, firstHeader.order(), "");
            checkSinglePage(in, ifd, firstHeader);
            meta = TiffMetadata.read(ifd, in, false);
            if (meta.imageJImages() > 1) { // an ImageJ stack with one IFD: a whole stack, not a plane
                throw InputException.file(firstFile, "is an ImageJ stack of " + meta.imageJImages() + " images, but in a folder "
                        + "every file must be a single plane", "Open the stack file by itself, or keep only single-plane files "
                                + "in the folder (or select them with a glob)");
            }
            bytes = in.size();
        }
        if (checkAll) {
            for (int i = 1; i < files.size(); i++) {
                bytes += check(files.get(i), first, firstFile);
            }
        }
        return new TiffSeries(folder, List.copyOf(files), first, firstHeader, meta, bytes, glob);
    }

    /** Reads the first IFD of {@code file}, checks it against the first plane, and returns the file's size. */
    private static long check(Path file, TiffPage expected, Path firstFile) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            TiffInput in = new TiffInput(file, ch, ch.size());
            TiffHeader h = TiffHeader.read(in);
            Ifd ifd = Ifd.read(in, h.firstIfdOffset(), h.bigTiff(), "first IFD");
            TiffPage page = TiffPage.of(ifd, file, h.order(), "");
            if (!page.sameImage(expected)) {
                throw inconsistent(file, page, expected, firstFile);
            }
            checkSinglePage(in, ifd, h);
            return in.size();
        }
    }

    private static InputException inconsistent(Path file, TiffPage found, TiffPage expected, Path firstFile) {
        return InputException.file(file, "inconsistent plane series: this plane is " + found.describe() + " but the first plane ("
                + firstFile.getFileName() + ") is " + expected.describe(), "All files of a plane series must have the same "
                        + "width, height and pixel type; remove or re-export the odd file, or select the right files with a "
                        + "file name pattern (glob)");
    }

    /** A plane file must hold one plane; a second page that is only a thumbnail is tolerated. */
    private static void checkSinglePage(TiffInput in, Ifd ifd, TiffHeader h) throws IOException {
        long next = ifd.nextOffset();
        if (next == 0) {
            return;
        }
        if (next < in.size()) {
            Ifd second = Ifd.read(in, next, h.bigTiff(), "second IFD");
            if ((second.scalar(TiffTag.NEW_SUBFILE_TYPE, 0) & 1) != 0) {
                return;
            }
        }
        throw InputException.file(in.path(), "has more than one page, but in a folder every file must be a single plane",
                "Open the multi-page file by itself, or keep only single-plane files in the folder (or select them with a glob)");
    }

    @Override
    public int planeCount() {
        return files.size();
    }

    List<Path> files() {
        return files;
    }

    TiffPage firstPage() {
        return first;
    }

    @Override
    public Plane plane(int z, ChannelPool pool) throws IOException {
        Plane p = recent.get(z);
        if (p != null) {
            return p;
        }
        Path file = files.get(z);
        try (ChannelPool.Lease lease = pool.acquire(file)) {
            TiffInput in = new TiffInput(file, lease.channel(), lease.size());
            TiffHeader h = TiffHeader.read(in);
            Ifd ifd = Ifd.read(in, h.firstIfdOffset(), h.bigTiff(), "first IFD");
            TiffPage page = TiffPage.of(ifd, file, h.order(), "");
            if (!page.sameImage(first)) { // the folder may have changed since it was checked
                throw inconsistent(file, page, first, files.get(0));
            }
            p = new Plane(file, page, page.chunks(in, ""), "");
        }
        recent.put(z, p);
        return p;
    }

    /** The header: x = columns, y = rows, z = files. */
    VolumeHeader header() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("files", Integer.toString(files.size()));
        d.put("planes", Integer.toString(files.size()));
        d.put("first file", files.get(0).getFileName().toString());
        d.put("last file", files.get(files.size() - 1).getFileName().toString());
        if (glob != null) {
            d.put("glob", glob);
        }
        d.put("compression", first.compressionLabel() + " (first file)");
        d.put("layout", first.layoutLabel() + " (first file)");
        d.put("byte order", firstHeader.orderLabel() + " (first file)");
        d.put("BigTIFF", (firstHeader.bigTiff() ? "yes" : "no") + " (first file)");
        metadata.addDetails(d);
        return new VolumeHeader(folder, "tiff-series", new long[] {first.width(), first.height(), files.size()},
                first.pixelType(), metadata.voxelSizeUm(), Optional.empty(), fileBytes, d);
    }
}

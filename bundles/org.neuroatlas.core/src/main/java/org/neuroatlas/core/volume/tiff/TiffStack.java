package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.VolumeHeader;

/**
 * One TIFF file, each page one z plane. Opening walks the IFD chain and checks every page (no pixel is read).
 * <p>
 * ImageJ saves stacks over 4 GB as classic TIFF with a single IFD (the next-IFD offset would not fit in 32 bits)
 * and the planes stored back to back, announcing the plane count as {@code images=N} in its description. When the
 * chain is shorter than that and the data uncompressed, planes are located by that contiguous layout, as ImageJ
 * itself does.
 */
final class TiffStack implements PlaneSource {

    /** Guards against IFD chains that never end in corrupt files. */
    private static final int MAX_PAGES = 10_000_000;

    private final Path file;
    private final TiffHeader header;
    private final List<TiffPage> pages;
    private final int planeCount;
    private final TiffPage.Chunks contiguousFirst;
    private final TiffMetadata metadata;
    private final long fileBytes;
    private final RecentPlanes recent = new RecentPlanes();

    private TiffStack(Path file, TiffHeader header, List<TiffPage> pages, int planeCount, TiffPage.Chunks contiguousFirst,
            TiffMetadata metadata, long fileBytes) {
        this.file = file;
        this.header = header;
        this.pages = pages;
        this.planeCount = planeCount;
        this.contiguousFirst = contiguousFirst;
        this.metadata = metadata;
        this.fileBytes = fileBytes;
    }

    /** Parses the header and every IFD of {@code file}. */
    static TiffStack open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            TiffInput in = new TiffInput(file, ch, ch.size());
            TiffHeader h = TiffHeader.read(in);
            List<TiffPage> pages = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            TiffMetadata meta = null;
            long offset = h.firstIfdOffset();
            int ifdIndex = 0;
            while (offset != 0) {
                if (!seen.add(offset)) {
                    throw TiffInput.corrupt(file, "the chain of IFDs loops back to byte " + offset);
                }
                if (pages.size() >= MAX_PAGES) {
                    throw TiffInput.corrupt(file, "more than " + MAX_PAGES + " IFDs");
                }
                Ifd ifd = Ifd.read(in, offset, h.bigTiff(), "IFD " + ifdIndex);
                String where = "page " + pages.size() + ": ";
                TiffPage page = TiffPage.of(ifd, file, h.order(), where);
                if (meta == null) {
                    meta = TiffMetadata.read(ifd, in, true);
                    meta.checkSingleChannel(file);
                    pages.add(page);
                } else if (!page.isReducedResolution()) { // thumbnails and pyramid levels are not planes
                    TiffPage first = pages.get(0);
                    if (!page.sameImage(first)) {
                        throw InputException.file(file, "page " + pages.size() + " (counting from 0) is " + page.describe()
                                + " but page 0 is " + first.describe() + "; every page is read as one z plane, so all pages "
                                + "must have the same size and type", "Export the stack again with uniform planes, or save "
                                        + "its planes as a folder of single-plane TIFFs");
                    }
                    pages.add(page);
                }
                offset = ifd.nextOffset();
                ifdIndex++;
            }
            if (meta == null) {
                throw TiffInput.corrupt(file, "it has no image (the first IFD offset is 0)");
            }
            int planes = pages.size();
            TiffPage.Chunks contiguous = null;
            long imagejPlanes = meta.imageJImages();
            TiffPage first = pages.get(0);
            if (imagejPlanes > planes && first.compression() == TiffTag.COMPRESSION_NONE) {
                contiguous = contiguousLayout(file, in, first, imagejPlanes);
                planes = (int) imagejPlanes;
            }
            return new TiffStack(file, h, List.copyOf(pages), planes, contiguous, meta, in.size());
        }
    }

    private static TiffPage.Chunks contiguousLayout(Path file, TiffInput in, TiffPage first, long planes) throws IOException {
        if (planes > Integer.MAX_VALUE) {
            throw TiffInput.corrupt(file, "ImageJ description claims " + planes + " images");
        }
        TiffPage.Chunks c = first.chunks(in, "page 0: ");
        int n = (int) first.chunkCount();
        long stored = 0;
        for (int i = 0; i < n; i++) {
            stored += c.byteCounts()[i];
        }
        if (!c.contiguous(n) || stored != first.planeBytes()) {
            throw TiffInput.corrupt(file, "ImageJ description says images=" + planes + " but only " + "the first plane has an "
                    + "IFD, and its strips are not stored back to back as ImageJ writes them");
        }
        long end = c.offsets()[0] + planes * first.planeBytes();
        if (end > in.size()) {
            long whole = (in.size() - c.offsets()[0]) / first.planeBytes();
            throw InputException.file(file, "is truncated: its ImageJ description says images=" + planes + " (" + end
                    + " bytes needed) but the file has " + in.size() + " bytes, room for " + whole + " planes",
                    "The file is probably incomplete (an interrupted copy or save); copy or save it again");
        }
        return c;
    }

    @Override
    public int planeCount() {
        return planeCount;
    }

    @Override
    public Plane plane(int z, ChannelPool pool) throws IOException {
        Plane p = recent.get(z);
        if (p != null) {
            return p;
        }
        String where = "page " + z + ": ";
        if (contiguousFirst != null) {
            TiffPage first = pages.get(0);
            p = new Plane(file, first, contiguousFirst.shifted(z * first.planeBytes()), where);
        } else {
            TiffPage page = pages.get(z);
            try (ChannelPool.Lease lease = pool.acquire(file)) {
                TiffInput in = new TiffInput(file, lease.channel(), lease.size());
                in.order(header.order());
                p = new Plane(file, page, page.chunks(in, where), where);
            }
        }
        recent.put(z, p);
        return p;
    }

    TiffPage firstPage() {
        return pages.get(0);
    }

    /** The header: x = columns, y = rows, z = pages. */
    VolumeHeader header() {
        TiffPage first = pages.get(0);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("planes", Integer.toString(planeCount));
        d.put("compression", first.compressionLabel());
        d.put("layout", first.layoutLabel());
        d.put("byte order", header.orderLabel());
        d.put("BigTIFF", header.bigTiff() ? "yes" : "no");
        if (contiguousFirst != null) {
            d.put("ImageJ contiguous planes", "yes (" + pages.size() + " IFD for " + planeCount + " planes)");
        }
        metadata.addDetails(d);
        return new VolumeHeader(file, "tiff", new long[] {first.width(), first.height(), planeCount}, first.pixelType(),
                metadata.voxelSizeUm(), Optional.empty(), fileBytes, d);
    }
}

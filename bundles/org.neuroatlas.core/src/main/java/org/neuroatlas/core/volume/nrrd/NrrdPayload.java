package org.neuroatlas.core.volume.nrrd;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.InputException;

/**
 * Where the voxel bytes of a NRRD are: one segment per data file (or the header file itself when attached), each
 * starting after its line and byte skips. For raw encoding the segments hold the voxels themselves; for gzip they
 * are where each compressed stream starts (the byte skip then applies after decompression).
 *
 * @param segments in payload order
 */
record NrrdPayload(List<Segment> segments) {

    /**
     * A run of bytes in one file.
     *
     * @param file   the file
     * @param offset first byte, counted from the start of the file
     * @param length bytes of voxels (uncompressed) this segment contributes
     */
    record Segment(Path file, long offset, long length) {
    }

    /**
     * Locates the payload of {@code h}: checks that the data files exist and, for raw encoding, that they hold all
     * voxels. Reads at most the lines skipped by {@code line skip}.
     *
     * @throws InputException if a data file is missing or a raw payload is truncated
     */
    static NrrdPayload locate(NrrdHeader h) throws IOException {
        List<Path> files = h.isAttached() ? List.of(h.file) : h.dataFiles;
        long share = h.payloadBytes() / files.size();
        List<Segment> segments = new ArrayList<>();
        long found = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw InputException.file(h.file, "its data file " + f + " does not exist (named by the header's 'data file' field)",
                        "Put the data file where the header says (relative names are relative to the header's folder) or fix the 'data file' line");
            }
            long start = h.isAttached() ? h.headerBytes : 0;
            start = skipLines(f, start, h.lineSkip, h);
            long size = Files.size(f);
            if (h.encoding == NrrdHeader.Encoding.RAW) {
                start = h.byteSkip == -1 ? size - share : start + h.byteSkip;
                found += Math.max(0, Math.min(share, size - start));
            }
            segments.add(new Segment(f, start, share));
        }
        if (h.encoding == NrrdHeader.Encoding.RAW && found < h.payloadBytes()) {
            throw truncated(h, found);
        }
        return new NrrdPayload(List.copyOf(segments));
    }

    /** The error for a payload that ends early. */
    static InputException truncated(NrrdHeader h, long found) {
        Path where = h.isAttached() ? h.file : h.dataFiles.get(0);
        return InputException.file(where, "truncated: expected " + h.payloadBytes() + " bytes of voxels, found " + found,
                "The file is incomplete (an interrupted copy or download?); copy or export it again");
    }

    /** The offset after skipping {@code lines} line terminators from {@code start}. */
    private static long skipLines(Path f, long start, long lines, NrrdHeader h) throws IOException {
        if (lines == 0) {
            return start;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
                InputStream in = new BufferedInputStream(Channels.newInputStream(ch.position(start)))) {
            long pos = start;
            long left = lines;
            int c;
            while (left > 0 && (c = in.read()) >= 0) {
                pos++;
                if (c == '\n') {
                    left--;
                }
            }
            if (left > 0) {
                throw InputException.file(f, "ends before the " + lines + " lines that the header's 'line skip' skips",
                        "Fix 'line skip' in " + h.file.getFileName());
            }
            return pos;
        }
    }
}

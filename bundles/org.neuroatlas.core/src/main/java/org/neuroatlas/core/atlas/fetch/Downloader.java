package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.fetch.FetchReport.Action;
import org.neuroatlas.core.atlas.fetch.FetchReport.FetchedFile;
import org.neuroatlas.core.atlas.fetch.FetchReport.Verification;

/**
 * Fetches a set of atlas files into a destination folder so that the folder only ever holds complete, verified
 * files.
 * <ul>
 * <li>Bytes arrive in a hidden sibling folder {@code <parent of DEST>/.<DEST name>.partial/} ({@code NAME.part}
 * while in transit, {@code NAME} once verified). Only when every file is verified are they moved into DEST (created
 * if needed; unrelated files there are left alone), {@code DEST/checksums.sha256} is updated and the partial folder
 * removed.</li>
 * <li>Running the same fetch again resumes: a partial file continues with an HTTP range request (or restarts if the
 * server does not do ranges), files verified earlier are not fetched again, and files already in DEST are skipped if
 * they match their pinned checksum or the one recorded in {@code checksums.sha256} by the run that verified
 * them.</li>
 * <li>A file that fails verification is deleted from the partial folder and reported as an {@link InputException}
 * naming the file, what was expected and what was found; nothing is written to DEST.</li>
 * </ul>
 */
public final class Downloader {

    /** Time allowed to open a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Longest time without a byte from the server before the download is given up (resumable later). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** The checksum list written to the destination, in {@code sha256sum} format. */
    public static final String CHECKSUMS_FILE = ChecksumFile.NAME;

    private final HttpTransfer http;

    /** A downloader with the standard timeouts ({@link #CONNECT_TIMEOUT}, {@link #READ_TIMEOUT}). */
    public Downloader() {
        this(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * @param connectTimeout time allowed to open a connection
     * @param readTimeout    longest silence from the server while waiting for the answer or for the next bytes
     */
    public Downloader(Duration connectTimeout, Duration readTimeout) {
        this.http = new HttpTransfer(connectTimeout, readTimeout);
    }

    /** The hidden folder where the downloads into {@code dest} are kept until every file is verified. */
    public static Path partialFolder(Path dest) {
        Path abs = dest.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw InputException.file(abs, "cannot download into the root of a file system", "Give a folder inside it");
        }
        return parent.resolve("." + abs.getFileName() + ".partial");
    }

    /**
     * Fetches {@code files} into {@code dest}.
     *
     * @param progress reports the fraction of files done, with bytes and MB/s of the current one; checked for
     *                 cancellation between chunks (a canceled fetch keeps its partial bytes for the next run)
     * @return what was done to each file
     * @throws InputException on network and HTTP errors (naming the URL), on files that fail verification (naming
     *                        the file, the expected and the found checksum or content) and when the files cannot be
     *                        written (naming the folder)
     */
    public FetchReport fetch(List<RemoteFile> files, Path dest, Progress progress) {
        Path destDir = dest.toAbsolutePath().normalize();
        try {
            return fetchAll(files, destDir, progress);
        } catch (IOException e) {
            // Network failures are reported (naming the URL) before this point; what is left are local files:
            // permissions, a full disk, a path in the way. The user can fix those, so no "internal error".
            throw new InputException("cannot write the download into " + destDir + " or " + partialFolder(destDir) + " (" + e
                    + "). Check that the folder is writable and has free space, then run the same command again to resume", e);
        }
    }

    private FetchReport fetchAll(List<RemoteFile> files, Path destDir, Progress progress) throws IOException {
        if (Files.exists(destDir) && !Files.isDirectory(destDir)) {
            throw InputException.file(destDir, "exists and is not a folder", "Give a folder to download into");
        }
        Path partial = partialFolder(destDir);
        Path checksums = destDir.resolve(CHECKSUMS_FILE);
        Map<String, String> recorded = ChecksumFile.read(checksums);

        List<FetchedFile> fetched = new ArrayList<>();
        int n = files.size();
        for (int i = 0; i < n; i++) {
            progress.checkCanceled();
            String label = String.format(Locale.ROOT, "%s (%d/%d)", files.get(i).file().fileName(), i + 1, n);
            fetched.add(fetchOne(files.get(i), destDir, partial, recorded, progress.slice((double) i / n, (double) (i + 1) / n), label));
        }

        // Every file is verified: only now does anything go into DEST.
        for (FetchedFile f : fetched) {
            if (f.action() != Action.ALREADY_PRESENT) {
                Files.createDirectories(destDir);
                move(partial.resolve(f.fileName()), f.path());
            }
        }
        Map<String, String> updated = new LinkedHashMap<>(recorded);
        fetched.forEach(f -> updated.put(f.fileName(), f.sha256()));
        if (!fetched.isEmpty() && (!updated.equals(recorded) || !Files.exists(checksums))) {
            ChecksumFile.write(checksums, updated);
        }
        removePartialFolder(partial, files);
        progress.report(1, "done");
        return new FetchReport(destDir, checksums, fetched);
    }

    private FetchedFile fetchOne(RemoteFile remote, Path destDir, Path partial, Map<String, String> recorded, Progress progress, String label)
            throws IOException {
        AtlasFile file = remote.file();
        String name = file.fileName();
        Path target = destDir.resolve(name);
        boolean replacing = false;
        if (Files.isRegularFile(target)) {
            progress.report(0, "checking " + label + " in the destination");
            String sha = ChecksumFile.sha256(target);
            if (file.isPinned() ? sha.equals(file.sha256()) : sha.equals(recorded.get(name))) {
                return new FetchedFile(name, remote.url(), target, Files.size(target), sha, Action.ALREADY_PRESENT,
                        file.isPinned() ? Verification.PINNED_SHA256 : Verification.RECORDED_SHA256,
                        file.isPinned() ? "SHA-256 matches the pinned checksum" : "SHA-256 matches " + CHECKSUMS_FILE + " from the run that verified it");
            }
            // Not the verified file (older version, damaged, or never recorded): fetch it and replace it at the end.
            replacing = true;
        } else if (Files.exists(target)) {
            throw InputException.file(target, "exists and is not a file", "Move it out of the way");
        }

        Files.createDirectories(partial);
        Path verifiedEarlier = partial.resolve(name);
        if (Files.isRegularFile(verifiedEarlier)) {
            // Verified by an earlier run that then stopped on another file. Checked again: the folder is the user's.
            progress.report(1, "verifying " + label);
            try {
                FileVerifier.Verified v = FileVerifier.verify(verifiedEarlier, file);
                return fetchedFile(remote, target, v, Action.RESUMED, false, replacing);
            } catch (IntegrityException e) {
                Files.delete(verifiedEarlier);
            }
        }

        Path part = partial.resolve(name + ".part");
        HttpTransfer.Result r = http.download(remote, part, progress, (done, total, rate) -> progress.report(
                total > 0 ? (double) done / total : 0, transferMessage(label, done, total, rate)));
        progress.report(1, "verifying " + label);
        FileVerifier.Verified v;
        try {
            v = FileVerifier.verify(part, file);
        } catch (IntegrityException e) {
            HttpTransfer.discard(part);
            throw new InputException(name + " (from " + remote.url() + "): " + e.getMessage() + ". The damaged download was deleted and nothing "
                    + "was written to " + destDir + ". Run the same command again to fetch it afresh; if it fails again, the server's file is "
                    + "not the one NeuroAtlas expects (check " + remote.urlParameter() + ")", e);
        }
        move(part, verifiedEarlier);
        HttpTransfer.discard(part);
        return fetchedFile(remote, target, v, r.resumedFrom() > 0 ? Action.RESUMED : Action.DOWNLOADED, r.lengthKnown(), replacing);
    }

    private static FetchedFile fetchedFile(RemoteFile remote, Path target, FileVerifier.Verified v, Action action, boolean lengthChecked,
            boolean replacing) {
        String detail = v.detail();
        if (v.how() == Verification.INTEGRITY_ONLY) {
            detail = (lengthChecked ? "size matches the server's Content-Length; " : "") + detail;
        }
        if (replacing) {
            detail += "; replaces a different file of that name";
        }
        return new FetchedFile(remote.file().fileName(), remote.url(), target, v.bytes(), v.sha256(), action, v.how(), detail);
    }

    /**
     * Removes this fetch's leftovers from the partial folder, and the folder itself unless something else is in it
     * (say, an interrupted fetch of another resolution into the same DEST, which a later run will resume).
     */
    private static void removePartialFolder(Path partial, List<RemoteFile> files) throws IOException {
        if (!Files.isDirectory(partial)) {
            return;
        }
        for (RemoteFile f : files) {
            HttpTransfer.discard(partial.resolve(f.file().fileName() + ".part"));
            Files.deleteIfExists(partial.resolve(f.file().fileName()));
        }
        try {
            Files.deleteIfExists(partial);
        } catch (DirectoryNotEmptyException e) {
            // kept for the other fetch
        }
    }

    static String transferMessage(String label, long done, long total, double bytesPerSecond) {
        return String.format(Locale.ROOT, "%s  %.1f / %s MB  %.1f MB/s", label, done / 1e6, total >= 0 ? String.format(Locale.ROOT, "%.1f", total / 1e6)
                : "?", bytesPerSecond / 1e6);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;

/**
 * One resumable HTTP GET into a partial file. If the partial file already holds N bytes it asks for
 * {@code Range: bytes=N-} and appends on {@code 206 Partial Content}; a server that ignores ranges answers 200 and
 * the file is written afresh. {@code If-Range} carries the ETag (or Last-Modified) of the first answer, so a file
 * that changed on the server in between is sent whole instead of being spliced onto old bytes.
 * <p>
 * HttpURLConnection rather than java.net.http.HttpClient because it has a per-read timeout: HttpClient's timeout
 * ends at the response headers, so a server that stalls mid-body would hang the download forever.
 */
final class HttpTransfer {

    private static final int CHUNK = 1 << 16;
    private static final int MAX_REDIRECTS = 5;
    private static final long REPORT_NANOS = 100_000_000L;
    private static final String USER_AGENT = "NeuroAtlas-atlas-fetch (Java " + System.getProperty("java.version") + ")";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

    /**
     * How the bytes of one file arrived.
     *
     * @param bytes        size of the partial file now, in bytes
     * @param resumedFrom  bytes that were already there from an earlier run (0 if fetched from the start)
     * @param lengthKnown  true if the server announced the size and it was matched (Content-Length or Content-Range)
     */
    record Result(long bytes, long resumedFrom, boolean lengthKnown) {
    }

    /** Receives transfer progress. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param done           bytes of the file on disk so far
         * @param total          the file's size in bytes, or -1 if the server did not say
         * @param bytesPerSecond transfer rate of this run (resumed bytes excluded)
         */
        void transferred(long done, long total, double bytesPerSecond);
    }

    private record Response(HttpURLConnection connection, int code) {
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;

    HttpTransfer(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Fetches {@code remote} into {@code part}, resuming what is already there when the server allows it.
     *
     * @throws InputException                             on HTTP errors, network failures and timeouts (the partial
     *                                                    file is kept so that a later run resumes)
     * @throws org.neuroatlas.core.CanceledException if {@code progress} is canceled (the partial file is kept)
     */
    Result download(RemoteFile remote, Path part, Progress progress, Listener listener) throws IOException {
        long expected = remote.file().expectedBytes();
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (expected >= 0 && have > expected) {
            discard(part);
            have = 0;
        }
        if (expected >= 0 && have == expected) {
            // All bytes arrived in an earlier run that stopped before verifying; verification decides.
            return new Result(have, have, true);
        }
        boolean restarted = false;
        while (true) {
            Response r = request(remote, have, have > 0 ? readValidator(part) : null);
            HttpURLConnection c = r.connection();
            try {
                if (r.code() == HttpURLConnection.HTTP_OK) {
                    saveValidator(c, part);
                    return receive(remote, c, part, 0, c.getContentLengthLong(), progress, listener);
                }
                if (have > 0 && r.code() == HttpURLConnection.HTTP_PARTIAL) {
                    Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")).strip());
                    if (m.matches() && Long.parseLong(m.group(1)) == have) {
                        // The range was asked open-ended, so it ends at the file's last byte even if the total is '*'.
                        long total = m.group(3).equals("*") ? Long.parseLong(m.group(2)) + 1 : Long.parseLong(m.group(3));
                        return receive(remote, c, part, have, total, progress, listener);
                    }
                } else if (have > 0 && r.code() == 416) {
                    Matcher m = UNSATISFIED_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")).strip());
                    if (m.matches() && Long.parseLong(m.group(1)) == have) {
                        return new Result(have, have, true); // the partial file already holds every byte
                    }
                } else {
                    throw httpError(remote, r.code(), c.getResponseMessage());
                }
            } finally {
                c.disconnect();
            }
            // The answer to the range request does not fit the partial file (another version on the server?):
            // start the file again, once.
            if (restarted) {
                throw new InputException(remote.url() + ": the server answered a resumed download inconsistently (HTTP " + r.code()
                        + "). Run the same command again; if it keeps failing, give another " + remote.urlParameter());
            }
            discard(part);
            have = 0;
            restarted = true;
        }
    }

    /** Deletes a partial file and what is kept alongside it. */
    static void discard(Path part) throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(validatorFile(part));
    }

    private Result receive(RemoteFile remote, HttpURLConnection c, Path part, long from, long total, Progress progress, Listener listener)
            throws IOException {
        long expected = remote.file().expectedBytes();
        if (expected >= 0 && total >= 0 && total != expected) {
            discard(part);
            throw new InputException(String.format(Locale.ROOT,
                    "%s: the server offers %,d bytes, but %s has exactly %,d bytes. The file on the server is not the one NeuroAtlas knows; "
                            + "check %s", remote.url(), total, remote.file().fileName(), expected, remote.urlParameter()));
        }
        OpenOption[] mode = from > 0 ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING};
        long done = from;
        long start = System.nanoTime();
        long lastReport = start;
        listener.transferred(done, total, 0);
        InputStream body;
        try {
            body = c.getInputStream();
        } catch (IOException e) {
            throw brokenOff(remote, e, done, total);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(part, mode)) {
            byte[] buf = new byte[CHUNK];
            while (true) {
                progress.checkCanceled();
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    throw brokenOff(remote, e, done, total);
                }
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                done += n;
                if (total >= 0 && done > total) {
                    throw new InputException(String.format(Locale.ROOT, "%s: the server sent more than the %,d bytes it announced. "
                            + "Run the same command again; if it keeps failing, give another %s", remote.url(), total, remote.urlParameter()));
                }
                long now = System.nanoTime();
                if (now - lastReport >= REPORT_NANOS) {
                    lastReport = now;
                    listener.transferred(done, total, rate(done - from, now - start));
                }
            }
        }
        listener.transferred(done, total, rate(done - from, System.nanoTime() - start));
        if (total >= 0 && done != total) {
            throw new InputException(String.format(Locale.ROOT, "%s: the connection closed after %,d of %,d bytes. Check the network and run "
                    + "the same command again to resume", remote.url(), done, total));
        }
        return new Result(done, from, total >= 0);
    }

    private static double rate(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes / (nanos / 1e9);
    }

    /** Sends the GET, following redirects (also http → https, which HttpURLConnection itself refuses to follow). */
    private Response request(RemoteFile remote, long from, String validator) throws IOException {
        URI uri = remote.url();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            c.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("User-Agent", USER_AGENT);
            // Lengths and byte ranges must refer to the file itself, not to a compressed transfer of it.
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
                if (validator != null) {
                    c.setRequestProperty("If-Range", validator);
                }
            }
            int code;
            try {
                c.connect();
            } catch (IOException e) {
                c.disconnect();
                throw connectFailed(remote, e);
            }
            try {
                code = c.getResponseCode();
            } catch (IOException e) {
                c.disconnect();
                throw noAnswer(remote, e);
            }
            if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                uri = redirectTarget(remote, uri, location, code);
                continue;
            }
            return new Response(c, code);
        }
        throw new InputException(remote.url() + ": more than " + MAX_REDIRECTS + " redirects. Check " + remote.urlParameter());
    }

    private static URI redirectTarget(RemoteFile remote, URI from, String location, int code) {
        try {
            URI to = location == null ? null : from.resolve(new URI(location.strip()));
            if (to != null && to.getScheme() != null && to.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                return to;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InputException(remote.url() + ": HTTP " + code + " redirect to an unusable address '" + location + "'. Check "
                + remote.urlParameter());
    }

    private static InputException httpError(RemoteFile remote, int code, String reason) {
        String status = "HTTP " + code + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
        String remedy;
        if (code == 404 || code == 410) {
            remedy = "The server has no file at this address: check " + remote.urlParameter() + " (the address of the atlas files) and the network";
        } else if (code >= 500) {
            remedy = "The server has a problem: try again later, or give another " + remote.urlParameter();
        } else {
            remedy = "Check " + remote.urlParameter() + " and the network (a proxy or firewall may block the download)";
        }
        return new InputException(remote.url() + ": " + status + ". " + remedy);
    }

    private InputException connectFailed(RemoteFile remote, IOException e) {
        String problem;
        if (e instanceof SocketTimeoutException) {
            problem = "no connection within " + connectTimeout.toSeconds() + " s (connect timeout)";
        } else if (e instanceof UnknownHostException) {
            problem = "unknown host '" + remote.url().getHost() + "'";
        } else if (e instanceof SSLException) {
            problem = "the secure (https) connection failed (" + e.getMessage() + ")";
        } else if (e instanceof ConnectException) {
            problem = "cannot connect (" + e.getMessage() + ")";
        } else {
            problem = "cannot connect (" + e + ")";
        }
        return new InputException(remote.url() + ": " + problem + ". Check the network (and proxy settings), or give another "
                + remote.urlParameter(), e);
    }

    private InputException noAnswer(RemoteFile remote, IOException e) {
        String problem = e instanceof SocketTimeoutException ? "the server did not answer within " + readTimeout.toSeconds() + " s (read timeout)"
                : "the request failed (" + e + ")";
        return new InputException(remote.url() + ": " + problem + ". Check the network and run the same command again, or give another "
                + remote.urlParameter(), e);
    }

    private InputException brokenOff(RemoteFile remote, IOException e, long done, long total) {
        String of = total >= 0 ? String.format(Locale.ROOT, "%,d of %,d bytes", done, total) : String.format(Locale.ROOT, "%,d bytes", done);
        String problem = e instanceof SocketTimeoutException
                ? "the server sent nothing for " + readTimeout.toSeconds() + " s (read timeout) after " + of
                : "the transfer broke off after " + of + " (" + e.getMessage() + ")";
        return new InputException(remote.url() + ": " + problem + ". Check the network and run the same command again to resume", e);
    }

    /** Where the validator (ETag or Last-Modified) of a partial file's first answer is kept. */
    private static Path validatorFile(Path part) {
        return part.resolveSibling(part.getFileName() + ".validator");
    }

    private static void saveValidator(HttpURLConnection c, Path part) throws IOException {
        String etag = c.getHeaderField("ETag");
        // If-Range accepts only strong validators; a weak ETag (W/"…") would make every resume restart.
        String validator = etag != null && !etag.startsWith("W/") ? etag : c.getHeaderField("Last-Modified");
        Path file = validatorFile(part);
        if (validator == null || validator.isBlank()) {
            Files.deleteIfExists(file);
        } else {
            Files.createDirectories(file.getParent());
            Files.writeString(file, validator.strip());
        }
    }

    private static String readValidator(Path part) throws IOException {
        Path file = validatorFile(part);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String v = Files.readString(file).strip();
        return v.isEmpty() || v.contains("\n") ? null : v;
    }
}

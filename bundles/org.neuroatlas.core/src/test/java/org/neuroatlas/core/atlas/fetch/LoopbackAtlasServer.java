package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.SharedData;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 that serves the real atlas files from the shared folder in place (URL paths are mapped
 * to those files; nothing is copied), laid out like Allen's download server. It honours {@code Range: bytes=N-}
 * (206, or 416 past the end) unless told to ignore ranges, and can misbehave on purpose: flip a byte, serve a
 * truncated file, drop the connection or stall after some bytes.
 */
final class LoopbackAtlasServer implements AutoCloseable {

    /** The path of Allen's base URL on this server. */
    static final String BASE = "/informatics-archive/current-release/mouse_ccf";
    /** The path of the ontology API answer on this server. */
    static final String ONTOLOGY = "/api/v2/structure_graph_download/1.json";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request as the server saw it. */
    record Request(String path, String range, int status) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, Long> flips = new ConcurrentHashMap<>();
    private final Map<String, Long> truncations = new ConcurrentHashMap<>();
    private final Map<String, Long> drops = new ConcurrentHashMap<>();
    private final Map<String, Long> stalls = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean honourRange = true;

    private LoopbackAtlasServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // Handlers may stall on purpose; the default executor would block every other request behind them.
        server.setExecutor(pool);
        server.start();
    }

    /** A server with the Allen files of the shared folder at their Allen paths, and the ontology at the API path. */
    static LoopbackAtlasServer allen() throws IOException {
        LoopbackAtlasServer s = new LoopbackAtlasServer();
        for (String res : new String[] {"100", "50", "25"}) {
            s.serve(annotationPath(res), SharedData.atlas("annotation_" + res + ".nrrd"));
        }
        s.serve(templatePath("100"), SharedData.atlas("average_template_100.nrrd"));
        s.serve(ONTOLOGY, SharedData.atlas("ABA_annotation_last.json"));
        return s;
    }

    static String annotationPath(String res) {
        return BASE + "/annotation/ccf_2017/annotation_" + res + ".nrrd";
    }

    static String templatePath(String res) {
        return BASE + "/average_template/average_template_" + res + ".nrrd";
    }

    URI baseUrl() {
        return url(BASE);
    }

    URI ontologyUrl() {
        return url(ONTOLOGY);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void serve(String path, Path file) {
        files.put(path, file);
    }

    void remove(String path) {
        files.remove(path);
    }

    /** Every response of {@code path} has the byte at {@code offset} inverted. */
    void flipByte(String path, long offset) {
        flips.put(path, offset);
    }

    /** {@code path} is served as if the file had only its first {@code length} bytes (Content-Length included). */
    void truncate(String path, long length) {
        truncations.put(path, length);
    }

    /** The next response of {@code path} announces the full length but the connection closes after {@code bytes} body bytes. */
    void dropNextAfter(String path, long bytes) {
        drops.put(path, bytes);
    }

    /** Responses of {@code path} send {@code bytes} body bytes and then nothing more (until the server closes). */
    void stallAfter(String path, long bytes) {
        stalls.put(path, bytes);
    }

    /** False: answer every request with the whole file (200), like a server without range support. */
    void honourRange(boolean honour) {
        honourRange = honour;
    }

    /** The requests for {@code path} so far. */
    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        Path file = files.get(path);
        if (file == null) {
            respond(ex, path, range, 404);
            return;
        }
        long length = truncations.getOrDefault(path, Files.size(file));
        long start = 0;
        int status = 200;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honourRange && m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            if (start >= length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + length);
                respond(ex, path, range, 416);
                return;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (length - 1) + "/" + length);
        }
        if (honourRange) {
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        }
        requests.add(new Request(path, range, status));
        long count = length - start;
        ex.sendResponseHeaders(status, count);
        Long drop = drops.remove(path);
        Long stall = stalls.get(path);
        long send = Math.min(count, drop != null ? drop : stall != null ? stall : count);
        long flip = flips.getOrDefault(path, -1L);
        OutputStream out = ex.getResponseBody();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            byte[] buf = new byte[1 << 14];
            long pos = start;
            long left = send;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (flip >= pos && flip < pos + n) {
                    buf[(int) (flip - pos)] ^= (byte) 0xFF;
                }
                out.write(buf, 0, n);
                pos += n;
                left -= n;
            }
        }
        out.flush();
        if (send < count && stall != null) {
            try {
                Thread.sleep(60_000); // interrupted when the server closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (send < count) {
            // Throwing makes the JDK server close the connection mid-body, as a network failure would.
            throw new IOException("dropping the connection on purpose");
        }
        ex.close();
    }

    private void respond(HttpExchange ex, String path, String range, int status) throws IOException {
        requests.add(new Request(path, range, status));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

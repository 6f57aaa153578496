package org.neuroatlas.core.register.elastix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;

/**
 * The installed {@code elastix} and {@code transformix} executables, found on the PATH, and how to run them: as
 * subprocesses whose output goes line by line to a log file (and to a listener, for progress), killed when the
 * user cancels.
 */
public final class ElastixBackend {

    /** How to get elastix, for every message about it missing. */
    public static final String INSTALL_HINT = "Install it with `sudo apt install elastix` (Debian/Ubuntu; gives elastix and transformix), "
            + "or from https://elastix.dev and put its bin folder on the PATH; or use the built-in engine (--backend builtin)";

    /** How often a running process is checked for the user's cancel, ms. */
    private static final long POLL_MS = 200;

    private final Path elastix;
    private final Path transformix;

    private ElastixBackend(Path elastix, Path transformix) {
        this.elastix = elastix;
        this.transformix = transformix;
    }

    /** True if both {@code elastix} and {@code transformix} are on the PATH. */
    public static boolean available() {
        return locate().isPresent();
    }

    /** Both executables from the PATH, if there. */
    public static Optional<ElastixBackend> locate() {
        return locate(System.getenv("PATH"));
    }

    /** Both executables from {@code searchPath} (folders separated as in PATH), if there. */
    public static Optional<ElastixBackend> locate(String searchPath) {
        Optional<Path> e = find("elastix", searchPath), t = find("transformix", searchPath);
        return e.isPresent() && t.isPresent() ? Optional.of(new ElastixBackend(e.get(), t.get())) : Optional.empty();
    }

    /** {@link #locate()} or a clear error. */
    public static ElastixBackend require() {
        return require(System.getenv("PATH"));
    }

    /**
     * {@link #locate(String)} or a clear error.
     *
     * @throws InputException naming the missing executable(s) and how to install them
     */
    public static ElastixBackend require(String searchPath) {
        return locate(searchPath).orElseThrow(() -> {
            List<String> missing = new ArrayList<>();
            for (String name : List.of("elastix", "transformix")) {
                if (find(name, searchPath).isEmpty()) {
                    missing.add("`" + name + "`");
                }
            }
            return InputException.parameter("--backend", "elastix was chosen, but " + String.join(" and ", missing)
                    + (missing.size() > 1 ? " are" : " is") + " not on the PATH", INSTALL_HINT);
        });
    }

    private static Optional<Path> find(String name, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Path elastix() {
        return elastix;
    }

    public Path transformix() {
        return transformix;
    }

    /**
     * Runs {@code elastix} with {@code args}, appending its output (stdout and stderr) to {@code log} and handing
     * each line to {@code lines}.
     *
     * @throws InputException     if it exits with an error, naming the log
     * @throws CanceledException  if the user canceled (the process is killed)
     */
    void runElastix(List<String> args, Path log, Consumer<String> lines, Progress progress) throws IOException {
        run(elastix, args, log, lines, progress);
    }

    /** As {@link #runElastix} for {@code transformix}. */
    void runTransformix(List<String> args, Path log, Progress progress) throws IOException {
        run(transformix, args, log, line -> {
        }, progress);
    }

    private static void run(Path exe, List<String> args, Path log, Consumer<String> lines, Progress progress) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> pump(p, log, lines), exe.getFileName() + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (progress.isCanceled()) {
                    // the whole tree: elastix may start helper threads only, but be safe against wrappers
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new CanceledException();
                }
            }
            pump.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CanceledException();
        }
        if (p.exitValue() != 0) {
            throw new InputException(exe.getFileName() + " failed (exit code " + p.exitValue() + "): " + lastError(log)
                    + ". Its full output is in " + log.toAbsolutePath() + " (command: " + String.join(" ", command) + ")");
        }
    }

    private static void pump(Process p, Path log, Consumer<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                lines.accept(line);
            }
        } catch (IOException e) {
            // the process was killed or the disk is full; the exit code tells the caller what happened
        }
    }

    /** The most telling line of a failed run's log: the last ITK "Description:" line, else the last error line, else the last line. */
    private static String lastError(Path log) {
        try {
            String description = null, error = null, last = "no output";
            for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String t = l.trim();
                if (t.isEmpty()) {
                    continue;
                }
                last = t;
                if (t.startsWith("Description:")) {
                    description = t;
                } else if (t.toLowerCase(java.util.Locale.ROOT).contains("error")) {
                    error = t;
                }
            }
            return description != null ? description : error != null ? error : last;
        } catch (IOException e) {
            return "no log";
        }
    }
}

package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ./neuroatlas}: the command-line face of the engine. Bad input ends with a one-line message naming the
 * file or parameter (exit code 2); a bug ends with a short note and the stack trace in a log file (exit code 1),
 * never a stack trace on the terminal.
 */
@Command(name = "neuroatlas", mixinStandardHelpOptions = true, versionProvider = NeuroAtlasCli.Version.class,
        description = "Whole-brain light-sheet analysis: volumes, cell detection, atlas mapping and dose statistics.",
        subcommands = {InfoCommand.class, ConvertCommand.class, AtlasCommand.class, SimulateCommand.class, DetectCommand.class, ScoreCommand.class, RegisterCommand.class, MapCommand.class, AxonsCommand.class, StatsCommand.class, ReportCommand.class, RunCommand.class, DemoCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class NeuroAtlasCli {

    /** Exit code for bad input (missing/corrupt files, bad parameters). */
    public static final int EXIT_INPUT = 2;
    /** Exit code for an internal error (a bug). */
    public static final int EXIT_BUG = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Exit code when the Java heap ran out. */
    public static final int EXIT_MEMORY = 3;

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's exception handler; what the user needs is how to give the JVM more memory
            cl.getErr().println(outOfMemoryMessage(Runtime.getRuntime().maxMemory()));
            cl.getErr().flush();
            return EXIT_MEMORY;
        }
    }

    static String outOfMemoryMessage(long maxHeapBytes) {
        return String.format(java.util.Locale.ROOT, "error: out of memory (the Java heap may use %.1f GB). Give the JVM more, "
                + "e.g. NEUROATLAS_JAVA_OPTS=-Xmx%dg ./neuroatlas ..., or use a coarser atlas resolution (--resolution)",
                maxHeapBytes / 1e9, Math.max(2, 2 * (int) Math.ceil(maxHeapBytes / 1e9)));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NeuroAtlasCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine));
        return cl;
    }

    private static int handle(Exception ex, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof InputException) && !(t instanceof CanceledException)
                && (t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        if (t instanceof InputException) {
            err.println("error: " + t.getMessage());
            err.flush();
            return EXIT_INPUT;
        }
        if (t instanceof CanceledException) {
            err.println("canceled");
            err.flush();
            return 130;
        }
        String where = logStackTrace(ex);
        err.println("internal error: " + ex + " — this is a bug in NeuroAtlas; please report it" + (where == null ? "" : " with " + where));
        err.flush();
        return EXIT_BUG;
    }

    private static String logStackTrace(Throwable ex) {
        try {
            Path log = Files.createTempFile("neuroatlas-error-", ".log");
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            Files.writeString(log, sw.toString());
            return log.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = NeuroAtlasCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"NeuroAtlas " + p.getProperty("version", "unknown"), "Java " + System.getProperty("java.version")};
        }
    }
}

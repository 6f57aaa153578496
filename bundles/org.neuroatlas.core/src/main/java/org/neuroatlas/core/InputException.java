package org.neuroatlas.core;

import java.nio.file.Path;

/**
 * A problem with what the user gave us — a missing or corrupt file, a bad parameter, a mismatched atlas — as
 * opposed to a programming error. Its message is meant to be shown as-is: it names the file or parameter, says
 * what is wrong and what to do. The CLI prints only the message; the KNIME nodes show it as the node error.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: problem. remedy" */
    public static InputException file(Path file, String problem, String remedy) {
        return new InputException(join(String.valueOf(file), problem, remedy));
    }

    /** "FILE: problem. remedy", keeping the underlying I/O error as the cause. */
    public static InputException file(Path file, String problem, String remedy, Throwable cause) {
        return new InputException(join(String.valueOf(file), problem, remedy), cause);
    }

    /** "TABLE: problem. remedy", for a table given in memory (e.g. a KNIME input table) rather than as a file. */
    public static InputException table(String table, String problem, String remedy) {
        return new InputException(join(table, problem, remedy));
    }

    /** "parameter NAME: problem. remedy" */
    public static InputException parameter(String name, String problem, String remedy) {
        return new InputException(join("parameter " + name, problem, remedy));
    }

    private static String join(String subject, String problem, String remedy) {
        StringBuilder sb = new StringBuilder(subject).append(": ").append(problem);
        if (remedy != null && !remedy.isEmpty()) {
            if (!problem.endsWith(".")) {
                sb.append('.');
            }
            sb.append(' ').append(remedy);
        }
        return sb.toString();
    }
}

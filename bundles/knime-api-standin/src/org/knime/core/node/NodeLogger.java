package org.knime.core.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stand-in logger: warn/error/fatal/coding print to System.err, debug/info are silent. */
public final class NodeLogger {

    private static final Map<String, NodeLogger> LOGGERS = new ConcurrentHashMap<>();

    private final String m_name;

    private NodeLogger(final String name) {
        m_name = name;
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return getLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return LOGGERS.computeIfAbsent(s, NodeLogger::new);
    }

    private void print(final String level, final Object o, final Throwable t) {
        System.err.println(level + "\t" + m_name + "\t" + o + (t == null ? "" : " (" + t + ")"));
    }

    public void debug(final Object o) {
        // silent in the stand-in
    }

    public void debug(final Object o, final Throwable t) {
        // silent in the stand-in
    }

    public void info(final Object o) {
        // silent in the stand-in
    }

    public void info(final Object o, final Throwable t) {
        // silent in the stand-in
    }

    public void warn(final Object o) {
        print("WARN", o, null);
    }

    public void warn(final Object o, final Throwable t) {
        print("WARN", o, t);
    }

    public void error(final Object o) {
        print("ERROR", o, null);
    }

    public void error(final Object o, final Throwable t) {
        print("ERROR", o, t);
    }

    public void fatal(final Object o) {
        print("FATAL", o, null);
    }

    public void fatal(final Object o, final Throwable t) {
        print("FATAL", o, t);
    }

    public void coding(final Object o) {
        print("ERROR", "CODING PROBLEM\t" + o, null);
    }

    public void coding(final Object o, final Throwable t) {
        print("ERROR", "CODING PROBLEM\t" + o, t);
    }

    public void assertLog(final boolean b, final String m) {
        if (!b) {
            print("ERROR", "ASSERT " + m, null);
        }
    }

    public void debugWithFormat(final String format, final Object... args) {
        debug(String.format(format, args));
    }

    public void infoWithFormat(final String format, final Object... args) {
        info(String.format(format, args));
    }

    public void warnWithFormat(final String format, final Object... args) {
        warn(String.format(format, args));
    }

    public void errorWithFormat(final String format, final Object... args) {
        error(String.format(format, args));
    }

    public void fatalWithFormat(final String format, final Object... args) {
        fatal(String.format(format, args));
    }

    public void codingWithFormat(final String format, final Object... args) {
        coding(String.format(format, args));
    }
}

package org.neuroatlas.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.InputException;

/**
 * A small, strict JSON (RFC 8259) parser for atlas files (Allen structure graphs, BrainGlobe structures.json and
 * metadata.json), written here because the engine has no JSON library on its class path.
 * <p>
 * Values map to Java as: object → {@code Map<String, Object>} (insertion-ordered), array → {@code List<Object>},
 * string → {@link String}, number → {@link Long} if written without fraction or exponent and it fits, else
 * {@link Double}, {@code true}/{@code false} → {@link Boolean}, {@code null} → {@code null}. Strict means: no
 * comments, no trailing commas, no NaN/Infinity, no duplicate keys, nothing after the value; every error names the
 * line and column.
 */
public final class Json {

    /** A syntax error at a line and column (both 1-based). */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxException(String problem, int line, int column) {
            super("line " + line + ", column " + column + ": " + problem);
            this.line = line;
            this.column = column;
        }
    }

    /** Deeper nesting than this is rejected rather than risking a stack overflow on hostile input. */
    private static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;

    private Json(String text) {
        this.s = text;
    }

    /** Parses one JSON value filling all of {@code text} (a leading byte-order mark is ignored). */
    public static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
        }
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe() + " after the end of the JSON value");
        }
        return v;
    }

    /**
     * Reads and parses a whole UTF-8 file.
     *
     * @throws InputException naming the file if it is missing, unreadable, not UTF-8 or not valid JSON (with the
     *                        line and column of the first syntax error)
     */
    public static Object read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw InputException.file(file, "does not exist", "Check the path");
        } catch (CharacterCodingException e) {
            throw InputException.file(file, "is not UTF-8 text", "Save it as UTF-8 JSON", e);
        } catch (IOException e) {
            throw InputException.file(file, "could not be read (" + e.getMessage() + ")", "Check that the file is readable", e);
        }
        try {
            return parse(text);
        } catch (SyntaxException e) {
            throw InputException.file(file, "is not valid JSON (" + e.getMessage() + ")",
                    "Fix the file there, or replace it with an unmodified copy", e);
        }
    }

    /**
     * Whether the file's first non-blank character opens a JSON object or array (for files whose name does not
     * tell their format); false if it cannot be read, leaving the error to the actual reader.
     */
    public static boolean looksLikeJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            for (byte b : head) {
                if (b == '{' || b == '[') {
                    return true;
                }
                // skip blanks and the UTF-8 byte-order mark
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Object value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= s.length()) {
            throw error("unexpected end of file, expected a value");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe() + ", expected a value (object, array, string, number, true, false or null)");
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        pos++; // '{'
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("unexpected " + describe() + ", expected a key in double quotes");
            }
            int keyPos = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                pos = keyPos;
                throw error("duplicate key \"" + key + "\"");
            }
            m.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describe() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describe() + ", expected ',' or ']'");
            }
        }
    }

    private String string() throws SyntaxException {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                pos = start;
                throw error("string not closed before the end of the file");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " inside a string (escape it)");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < s.length() ? s.charAt(pos++) : '\0';
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        pos -= 2;
                        throw error("incomplete \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(pos + i), 16);
                        if (d < 0) {
                            pos -= 2;
                            throw error("\\u must be followed by four hex digits");
                        }
                        code = code * 16 + d;
                    }
                    pos += 4;
                    // Surrogate pairs arrive as two escapes and simply concatenate into one Java string.
                    sb.append((char) code);
                }
                default -> {
                    pos -= 2;
                    throw error("invalid escape \\" + (e == '\0' ? "" : String.valueOf(e)) + " in a string");
                }
            }
        }
    }

    private Object number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            pos = start;
            throw error("invalid number");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (!digits()) {
                throw error("digits expected after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("digits expected in the exponent");
            }
        }
        String text = s.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                // falls through to a double, as JavaScript would read it
            }
        }
        return Double.parseDouble(text);
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object v) throws SyntaxException {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected " + describe() + ", expected a value (object, array, string, number, true, false or null)");
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("unexpected " + describe() + ", expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** What is at the current position, for messages. */
    private String describe() {
        if (pos >= s.length()) {
            return "end of file";
        }
        int cp = s.codePointAt(pos);
        return cp < 0x20 || cp == 0x7f ? String.format("character U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    /** Line and column are computed only here, so that the happy path does not track them. */
    private SyntaxException error(String problem) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, s.length());
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SyntaxException(problem, line, end - lineStart + 1);
    }

    // ---- writing ----

    /**
     * {@code text} as a JSON string literal. Non-ASCII characters are written as {@code \}{@code uXXXX} escapes, as
     * Python's {@code json.dump} does by default: the file is then readable whatever encoding a reader assumes.
     */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** {@code value} as a JSON number; {@code null} for NaN and infinities, which JSON cannot hold. */
    public static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /** A short name of a parsed value's JSON type, for messages. */
    public static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    /** {@code v} as an int if it is an integral JSON number in int range, else null. */
    public static Integer asInt(Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) l.longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
            return d.intValue();
        }
        return null;
    }

    // ------------------------------------------------------------ typed access with user-facing errors

    /** {@code v} as a JSON object, or an error naming {@code file} and {@code what} (e.g. "the top level"). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, Path file, String what) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw InputException.file(file, what + " must be a JSON object, not " + typeOf(v), "Fix the file");
    }

    /** {@code v} as a JSON array, or an error naming {@code file} and {@code what}. */
    public static List<Object> array(Object v, Path file, String what) {
        if (v instanceof List<?> l) {
            return new java.util.ArrayList<>(l);
        }
        throw InputException.file(file, what + " must be a JSON array, not " + typeOf(v), "Fix the file");
    }

    /** The non-blank text entry {@code key} of {@code m}, or an error naming {@code file}. */
    public static String string(Map<String, Object> m, String key, Path file) {
        if (m.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw InputException.file(file, "needs a text entry \"" + key + "\"" + (m.containsKey(key) ? ", not " + typeOf(m.get(key)) : ""),
                "Add it, e.g. \"" + key + "\": \"…\"");
    }

    /** The number entry {@code key} of {@code m} ({@code fallback} if absent), or an error naming {@code file}. */
    public static double number(Map<String, Object> m, String key, double fallback, Path file) {
        Object v = m.get(key);
        if (v == null && !m.containsKey(key)) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw InputException.file(file, "entry \"" + key + "\" must be a number, not " + typeOf(v), "Fix the file");
    }
}

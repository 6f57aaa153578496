package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.io.Reader;

/**
 * A streaming JSON syntax check (RFC 8259) that builds no tree, so a large ontology costs no memory. Besides
 * validating, it notes the few top-level facts the ontology check needs: the kind of the {@code "msg"} member, its
 * list length or its text (Allen's API puts error messages there), and the {@code "success"} flag.
 */
final class JsonScanner {

    /** Deeper nesting than this is not an ontology; the limit keeps the recursion far from a stack overflow. */
    private static final int MAX_DEPTH = 512;
    /** Strings are kept (for keys and the error text) only up to this many characters. */
    private static final int MAX_KEPT = 300;

    /** What the scan found at the top level. */
    static final class Facts {
        boolean topIsObject;
        /** "object", "array", "string", "number", "true", "false", "null", or null if there is no "msg" member. */
        String msgKind;
        long msgLength;
        String msgText;
        /** The kind of the "success" member ("true", "false", …), or null if absent. */
        String success;
    }

    private final Reader in;
    private int next;
    private long position;

    private JsonScanner(Reader in) {
        this.in = in;
    }

    /** Checks that {@code in} holds exactly one JSON value and returns the top-level facts. */
    static Facts scan(Reader in) throws IOException, IntegrityException {
        JsonScanner s = new JsonScanner(in);
        s.advance();
        s.skipWhitespace();
        Facts facts = new Facts();
        if (s.next == '{') {
            facts.topIsObject = true;
            s.topObject(facts);
        } else {
            s.value(0);
        }
        s.skipWhitespace();
        if (s.next != -1) {
            throw s.error("unexpected text after the end of the JSON document");
        }
        return facts;
    }

    private void topObject(Facts facts) throws IOException, IntegrityException {
        members(0, (key, depth) -> {
            switch (key) {
                case "msg" -> {
                    if (next == '[') {
                        facts.msgKind = "array";
                        facts.msgLength = array(depth);
                    } else if (next == '"') {
                        facts.msgKind = "string";
                        facts.msgText = string(true);
                    } else {
                        facts.msgKind = value(depth);
                    }
                }
                case "success" -> facts.success = value(depth);
                default -> value(depth);
            }
        });
    }

    @FunctionalInterface
    private interface MemberValue {
        void read(String key, int depth) throws IOException, IntegrityException;
    }

    /** Reads an object whose '{' is the next character, handing each member's value to {@code member}. */
    private void members(int depth, MemberValue member) throws IOException, IntegrityException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        advance(); // '{'
        skipWhitespace();
        if (next == '}') {
            advance();
            return;
        }
        while (true) {
            skipWhitespace();
            if (next != '"') {
                throw error("expected a member name in double quotes");
            }
            String key = string(true);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            member.read(key, depth + 1);
            skipWhitespace();
            if (next == ',') {
                advance();
            } else if (next == '}') {
                advance();
                return;
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    /** Reads any value and returns its kind. */
    private String value(int depth) throws IOException, IntegrityException {
        switch (next) {
            case '{' -> {
                members(depth, (key, d) -> value(d));
                return "object";
            }
            case '[' -> {
                array(depth);
                return "array";
            }
            case '"' -> {
                string(false);
                return "string";
            }
            case 't' -> {
                literal("true");
                return "true";
            }
            case 'f' -> {
                literal("false");
                return "false";
            }
            case 'n' -> {
                literal("null");
                return "null";
            }
            default -> {
                if (next == '-' || (next >= '0' && next <= '9')) {
                    number();
                    return "number";
                }
                throw error("expected a JSON value");
            }
        }
    }

    /** Reads an array whose '[' is the next character and returns its number of elements. */
    private long array(int depth) throws IOException, IntegrityException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        advance(); // '['
        skipWhitespace();
        if (next == ']') {
            advance();
            return 0;
        }
        long n = 0;
        while (true) {
            skipWhitespace();
            value(depth + 1);
            n++;
            skipWhitespace();
            if (next == ',') {
                advance();
            } else if (next == ']') {
                advance();
                return n;
            } else {
                throw error("expected ',' or ']' in a list");
            }
        }
    }

    /** Reads a string whose '"' is the next character; returns its text (cut to MAX_KEPT) if {@code keep}. */
    private String string(boolean keep) throws IOException, IntegrityException {
        advance(); // opening quote
        StringBuilder sb = keep ? new StringBuilder() : null;
        while (true) {
            int c = next;
            if (c == -1) {
                throw error("a string is not closed");
            }
            advance();
            if (c == '"') {
                return keep ? sb.toString() : null;
            }
            if (c < 0x20) {
                throw error("an unescaped control character inside a string");
            }
            if (c == '\\') {
                c = escape();
            }
            if (keep && sb.length() < MAX_KEPT) {
                sb.append((char) c);
            }
        }
    }

    private int escape() throws IOException, IntegrityException {
        int e = next;
        advance();
        switch (e) {
            case '"', '\\', '/' -> {
                return e;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(next, 16);
                    if (next < 0 || d < 0) {
                        throw error("\\u must be followed by four hex digits");
                    }
                    v = v * 16 + d;
                    advance();
                }
                return v;
            }
            default -> throw error("an unknown escape \\" + (e < 0 ? "" : Character.toString(e)) + " in a string");
        }
    }

    private void number() throws IOException, IntegrityException {
        if (next == '-') {
            advance();
        }
        if (next == '0') {
            advance();
        } else {
            digits("a digit in a number");
        }
        if (next == '.') {
            advance();
            digits("a digit after the decimal point");
        }
        if (next == 'e' || next == 'E') {
            advance();
            if (next == '+' || next == '-') {
                advance();
            }
            digits("a digit in an exponent");
        }
    }

    private void digits(String what) throws IOException, IntegrityException {
        if (next < '0' || next > '9') {
            throw error("expected " + what);
        }
        while (next >= '0' && next <= '9') {
            advance();
        }
    }

    private void literal(String word) throws IOException, IntegrityException {
        for (int i = 0; i < word.length(); i++) {
            if (next != word.charAt(i)) {
                throw error("expected '" + word + "'");
            }
            advance();
        }
    }

    private void expect(char c) throws IOException, IntegrityException {
        if (next != c) {
            throw error("expected '" + c + "'");
        }
        advance();
    }

    private void skipWhitespace() throws IOException {
        while (next == ' ' || next == '\t' || next == '\n' || next == '\r') {
            advance();
        }
    }

    private void advance() throws IOException {
        next = in.read();
        if (next >= 0) {
            position++;
        }
    }

    private IntegrityException error(String problem) {
        if (next == -1) {
            return new IntegrityException("not valid JSON: the text ends early, at character " + position + " (truncated?): " + problem);
        }
        String found = next < 0x20 ? String.format("U+%04X", next) : "'" + Character.toString(next) + "'";
        return new IntegrityException("not valid JSON: " + problem + " at character " + position + ", found " + found);
    }
}

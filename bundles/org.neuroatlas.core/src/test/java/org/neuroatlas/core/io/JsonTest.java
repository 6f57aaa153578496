package org.neuroatlas.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;

/** The small strict JSON parser behind the ontology readers (and later BrainGlobe's metadata.json). */
class JsonTest {

    @TempDir
    Path temp;

    @Test
    void parsesAllValueTypes() throws Exception {
        Object v = Json.parse(" {\"b\": [1, -2, 3.5, -1e3, 2E+2, 0, 12345678901234],\n \"a\": {\"t\": true, \"f\": false, \"n\": null},"
                + " \"s\": \"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\\ud83d\\ude00\", \"e\": [], \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "s", "e", "o"), List.copyOf(m.keySet()), "keys keep file order");
        assertEquals(Arrays.asList(1L, -2L, 3.5, -1000.0, 200.0, 0L, 12345678901234L), m.get("b"));
        Map<?, ?> a = (Map<?, ?>) m.get("a");
        assertEquals(Boolean.TRUE, a.get("t"));
        assertEquals(Boolean.FALSE, a.get("f"));
        assertTrue(a.containsKey("n"));
        assertNull(a.get("n"));
        assertEquals("q\"b\\s/n\nt\tu\u00e9\uD83D\uDE00", m.get("s"));
        assertEquals(List.of(), m.get("e"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(1e30, Json.parse("1000000000000000000000000000000"), "too large for a long: a double");
        assertEquals("x", Json.parse("\uFEFF\"x\""), "byte-order mark ignored");
        assertEquals(749, Json.asInt(Json.parse("749")));
        assertNull(Json.asInt(Json.parse("7.5")));
        assertNull(Json.asInt(Json.parse("\"7\"")));
        assertNull(Json.asInt(Json.parse("3000000000")));
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        assertError("{\n  \"a\": 1,\n  \"b\": tru\n}", "line 3, column 8: unexpected 't', expected a value");
        assertError("[1, 2,]", "line 1, column 7: unexpected ']', expected a value");
        assertError("{\"a\": 1,}", "line 1, column 9: unexpected '}', expected a key in double quotes");
        assertError("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key \"a\"");
        assertError("[1 2]", "line 1, column 4: unexpected '2', expected ',' or ']'");
        assertError("{\"a\" 1}", "line 1, column 6: unexpected '1', expected ':'");
        assertError("[\"abc", "line 1, column 2: string not closed before the end of the file");
        assertError("\"a\nb\"", "line 1, column 3: control character U+000A inside a string");
        assertError("\"\\x\"", "line 1, column 2: invalid escape \\x");
        assertError("\"\\u12g4\"", "line 1, column 2: \\u must be followed by four hex digits");
        assertError("[NaN]", "line 1, column 2: unexpected 'N', expected a value");
        assertError("01", "line 1, column 2: unexpected '1' after the end of the JSON value");
        assertError("-", "line 1, column 1: invalid number");
        assertError("1.", "line 1, column 3: digits expected after the decimal point");
        assertError("1e", "line 1, column 3: digits expected in the exponent");
        assertError("", "line 1, column 1: unexpected end of file, expected a value");
        assertError("{\"a\": [1,\n", "line 2, column 1: unexpected end of file, expected a value");
        assertError("{} // comment", "line 1, column 4: unexpected '/' after the end");
        assertError("[".repeat(600), "line 1, column 514: nesting deeper than 512 levels");
    }

    private static void assertError(String json, String expectedStart) {
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse(json));
        assertTrue(e.getMessage().startsWith(expectedStart), "for " + json.substring(0, Math.min(20, json.length())) + ": " + e.getMessage());
    }

    @Test
    void quoteRoundTripsAndWritesAsciiOnly() throws Exception {
        for (String s : List.of("", "plain", "CUL4, 5", "q\"b\\s/", "tab\tnew\nline\r\u0001", "Müller µm \uD83D\uDE00")) {
            String q = Json.quote(s);
            assertTrue(q.chars().allMatch(c -> c >= 0x20 && c < 0x7f), q);
            assertEquals(s, Json.parse(q));
        }
    }

    @Test
    void readingAFileNamesItInErrors() throws Exception {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "[\n{\"id\": 1,}\n]");
        InputException e = assertThrows(InputException.class, () -> Json.read(bad));
        assertEquals(bad + ": is not valid JSON (line 2, column 10: unexpected '}', expected a key in double quotes). "
                + "Fix the file there, or replace it with an unmodified copy", e.getMessage());

        Path latin1 = temp.resolve("latin1.json");
        Files.write(latin1, "[\"M\u00fcller\"]".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(InputException.class, () -> Json.read(latin1));
        assertEquals(latin1 + ": is not UTF-8 text. Save it as UTF-8 JSON", e.getMessage());

        e = assertThrows(InputException.class, () -> Json.read(temp.resolve("missing.json")));
        assertEquals(temp.resolve("missing.json") + ": does not exist. Check the path", e.getMessage());
    }
}

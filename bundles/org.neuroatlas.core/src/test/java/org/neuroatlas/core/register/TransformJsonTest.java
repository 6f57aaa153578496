package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The minimal JSON reader behind transform.json. */
class TransformJsonTest {

    @Test
    void parsesValuesAndKeepsNumbersExact() {
        Object o = MiniJson.parse(" {\"a\": [1, -0.5, 2.5e-3, 12345678901234567], \"b\": {\"c\": null, \"d\": true},"
                + " \"e\": \"q\\\"\\\\\\/\\n\\u00b5m\"}\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        List<?> a = (List<?>) m.get("a");
        assertEquals(new MiniJson.Num("2.5e-3"), a.get(2));
        assertEquals(12345678901234567L, ((MiniJson.Num) a.get(3)).toLong());
        assertEquals(-0.5, ((MiniJson.Num) a.get(1)).toDouble());
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) m.get("b");
        assertTrue(b.containsKey("c"));
        assertNull(b.get("c"));
        assertEquals(Boolean.TRUE, b.get("d"));
        assertEquals("q\"\\/\nµm", m.get("e"));
        assertEquals(List.of("a", "b", "e"), List.copyOf(m.keySet()));
    }

    @Test
    void quotedTextReadsBack() {
        String s = "tab\there \"quoted\" back\\slash\u0001 µm";
        assertEquals(s, MiniJson.parse(MiniJson.quote(s)));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : new String[] {"", "{", "{\"a\": 1,}", "[1 2]", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": 1} x",
                "{a: 1}", "{\"a\": 1, \"a\": 2}", "\"open", "[NaN]", "{\"a\": tru}", "[1e]", "\"\\x\""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
            assertTrue(e.getMessage().contains("line"), e.getMessage());
        }
    }

    @Test
    void errorsGiveLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\n  \"a\": [1,\n  ?]\n}"));
        assertTrue(e.getMessage().contains("line 3, column 3"), e.getMessage());
    }
}

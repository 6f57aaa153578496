package org.neuroatlas.core.atlas.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks an Allen ontology download ({@code structure_graph_download/<id>.json}): valid UTF-8 JSON whose top-level
 * object has a non-empty {@code "msg"} list (the structure tree). The API's answer is generated on request and may
 * change between releases, so no checksum can be pinned; this check catches truncated transfers, HTML error pages
 * and API error answers ({@code "success": false} with a message in {@code "msg"}).
 */
public final class StructureGraphIntegrity implements ContentCheck {

    @Override
    public String describe() {
        return "JSON: parses completely, with a non-empty \"msg\" list (the structure tree)";
    }

    @Override
    public String check(InputStream in) throws IOException, IntegrityException {
        // REPORT rather than the default REPLACE: a damaged byte must fail, not become U+FFFD.
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        JsonScanner.Facts facts;
        try {
            facts = JsonScanner.scan(new BufferedReader(reader, 1 << 16));
        } catch (CharacterCodingException e) {
            throw new IntegrityException("not valid UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (!facts.topIsObject) {
            throw new IntegrityException("the JSON is not an object; expected Allen's {\"success\": …, \"msg\": [structure tree]}");
        }
        if ("false".equals(facts.success) || "string".equals(facts.msgKind)) {
            throw new IntegrityException("the ontology API answered with an error"
                    + (facts.msgText == null ? "" : ": " + facts.msgText));
        }
        if (facts.msgKind == null) {
            throw new IntegrityException("the JSON has no \"msg\" member; expected Allen's {\"success\": …, \"msg\": [structure tree]}");
        }
        if (!"array".equals(facts.msgKind)) {
            throw new IntegrityException("\"msg\" is " + article(facts.msgKind) + "; expected a list of structures");
        }
        if (facts.msgLength == 0) {
            throw new IntegrityException("the \"msg\" list is empty; expected the structure tree");
        }
        return String.format(Locale.ROOT, "JSON ok, \"msg\" list with %d top-level structure%s", facts.msgLength, facts.msgLength == 1 ? "" : "s");
    }

    private static String article(String kind) {
        return switch (kind) {
            case "object", "array" -> "an " + kind;
            case "true", "false", "null" -> kind;
            default -> "a " + kind;
        };
    }
}

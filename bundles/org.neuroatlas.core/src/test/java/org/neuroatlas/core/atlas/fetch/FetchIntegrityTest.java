package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.SharedData;

/** The content checks used for files without a pinned checksum, on real atlas files and damaged copies in memory. */
class FetchIntegrityTest {

    private static String check(ContentCheck c, byte[] bytes) throws Exception {
        return c.check(new ByteArrayInputStream(bytes));
    }

    private static String fails(ContentCheck c, byte[] bytes) {
        return assertThrows(IntegrityException.class, () -> check(c, bytes)).getMessage();
    }

    @Test
    void realNrrdFilesPass() throws Exception {
        byte[] annotation = Files.readAllBytes(SharedData.atlas("annotation_100.nrrd"));
        assertEquals("NRRD uint32 132×80×114, gzip payload complete (CRC ok), 4,815,360 bytes", check(NrrdIntegrity.of("uint32", 132, 80, 114), annotation));
        assertTrue(check(NrrdIntegrity.any(), annotation).startsWith("NRRD uint32"));
        byte[] template = Files.readAllBytes(SharedData.atlas("average_template_100.nrrd"));
        assertTrue(check(NrrdIntegrity.of("uint16", 132, 80, 114), template).contains("2,407,680 bytes"));
    }

    @Test
    void wrongTypeOrSizeIsNamed() throws Exception {
        byte[] template = Files.readAllBytes(SharedData.atlas("average_template_100.nrrd"));
        assertEquals("NRRD type is uint16; expected uint32", fails(NrrdIntegrity.of("uint32", 132, 80, 114), template));
        assertEquals("NRRD sizes are 132 80 114; expected 264 160 228", fails(NrrdIntegrity.of("uint16", 264, 160, 228), template));
    }

    @Test
    void damagedGzipPayloadsFail() throws Exception {
        byte[] annotation = Files.readAllBytes(SharedData.atlas("annotation_100.nrrd"));
        ContentCheck c = NrrdIntegrity.of("uint32", 132, 80, 114);
        for (int offset : new int[] {1_000, 100_000, annotation.length - 6}) {
            byte[] flipped = annotation.clone();
            flipped[offset] ^= 0x01;
            String m = fails(c, flipped);
            assertTrue(m.startsWith("the gzip payload is corrupt") || m.contains("decompresses to"), offset + ": " + m);
        }
        String truncated = fails(c, Arrays.copyOf(annotation, annotation.length - 10));
        assertTrue(truncated.startsWith("the gzip payload ends early"), truncated);
        String headerOnly = fails(c, Arrays.copyOf(annotation, 100));
        assertTrue(headerOnly.contains("ends inside the NRRD header"), headerOnly);
    }

    @Test
    void anHtmlPageIsNotANrrd() {
        String m = fails(NrrdIntegrity.any(), "<!DOCTYPE html>\n<html><body>Not Found</body></html>\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("not a NRRD file: it starts with '<!DOCTYPE html>' instead of NRRD0001–NRRD0009", m);
    }

    @Test
    void rawPayloadMustHaveExactlyTheVoxelBytes() throws Exception {
        byte[] header = "NRRD0004\ntype: uint8\ndimension: 3\nsizes: 2 3 4\nencoding: raw\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ok = Arrays.copyOf(header, header.length + 24);
        assertEquals("NRRD uint8 2×3×4, raw payload complete, 24 bytes", check(NrrdIntegrity.of("uint8", 2, 3, 4), ok));
        assertTrue(fails(NrrdIntegrity.any(), Arrays.copyOf(ok, ok.length - 1)).startsWith("raw payload has 23 bytes"));
    }

    @Test
    void theRealOntologyPasses() throws Exception {
        byte[] json = Files.readAllBytes(SharedData.atlas("ABA_annotation_last.json"));
        assertEquals("JSON ok, \"msg\" list with 1 top-level structure", check(new StructureGraphIntegrity(), json));
    }

    @Test
    void brokenOntologiesFailWithTheReason() throws Exception {
        StructureGraphIntegrity c = new StructureGraphIntegrity();
        byte[] json = Files.readAllBytes(SharedData.atlas("ABA_annotation_last.json"));
        String truncated = fails(c, Arrays.copyOf(json, json.length / 2));
        assertTrue(truncated.startsWith("not valid JSON: the text ends early"), truncated);
        byte[] badUtf8 = json.clone();
        badUtf8[json.length / 2] = (byte) 0xC3; // a lead byte followed by ASCII
        badUtf8[json.length / 2 + 1] = 'x';
        String utf8 = fails(c, badUtf8);
        assertTrue(utf8.startsWith("not valid UTF-8") || utf8.startsWith("not valid JSON"), utf8);
        assertEquals("the JSON is not an object; expected Allen's {\"success\": …, \"msg\": [structure tree]}", fails(c, bytes("[1, 2]")));
        assertEquals("the JSON has no \"msg\" member; expected Allen's {\"success\": …, \"msg\": [structure tree]}", fails(c, bytes("{\"a\": 1}")));
        assertEquals("\"msg\" is an object; expected a list of structures", fails(c, bytes("{\"msg\": {}}")));
        assertEquals("the \"msg\" list is empty; expected the structure tree", fails(c, bytes("{\"success\": true, \"msg\": []}")));
        assertEquals("the ontology API answered with an error: no such graph", fails(c, bytes("{\"success\": false, \"msg\": \"no such graph\"}")));
        assertTrue(fails(c, bytes("{\"msg\": [1]} x")).contains("unexpected text after the end"));
        assertTrue(fails(c, bytes("{\"msg\": [01]}")).contains("expected ',' or ']'"));
        assertTrue(fails(c, bytes("{\"msg\": [\"a\\qb\"]}")).contains("unknown escape"));
        assertTrue(fails(c, bytes("<html>")).startsWith("not valid JSON: expected a JSON value at character 1, found '<'"));
        assertEquals("JSON ok, \"msg\" list with 2 top-level structures",
                check(c, bytes(" {\"msg\": [{\"id\": -1.5e+3, \"n\": \"\\u00e9\\n\"}, {\"c\": [true, false, null]}], \"x\": {}} ")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checksDoNotCloseTheirInput() throws Exception {
        // FileVerifier reads on after a check to complete the checksum.
        byte[] annotation = Files.readAllBytes(SharedData.atlas("annotation_100.nrrd"));
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(annotation) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        NrrdIntegrity.any().check(in);
        assertTrue(!closed[0]);
    }
}

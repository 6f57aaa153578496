package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.VoxelSize;

class DisplacementFieldNrrdTest {

    @TempDir
    Path dir;

    private static DisplacementField sample() {
        DisplacementField u = SmoothWarps.random(3, new long[] {23, 17, 11}, VoxelSize.isotropic(50), 75, 120, 300);
        // A non-zero origin and anisotropic spacing, to see both come back.
        return DisplacementField.of(new double[] {-12.5, 0.25, 1e-3}, new double[] {75, 62.5, 80}, u.dimensions(), u.toArray());
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        DisplacementField f = sample();
        Path file = dir.resolve("displacement.nrrd");
        f.write(file);
        DisplacementField back = DisplacementField.read(file);
        assertEquals(f, back);
        assertArrayEquals(f.originUm(), back.originUm(), 0);
        assertArrayEquals(f.spacingUm(), back.spacingUm(), 0);
        // No temporary files left behind.
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void headerDescribesAVectorFieldOnTheGrid() throws IOException {
        DisplacementField f = sample();
        Path file = dir.resolve("u.nrrd");
        f.write(file);
        String header = headerOf(file);
        int[] n = f.dimensions();
        assertTrue(header.startsWith("NRRD0004\n"), header);
        assertTrue(header.contains("\ntype: float\n"), header);
        assertTrue(header.contains("\ndimension: 4\n"), header);
        assertTrue(header.contains("\nsizes: 3 " + n[0] + " " + n[1] + " " + n[2] + "\n"), header);
        assertTrue(header.contains("\nkinds: vector domain domain domain\n"), header);
        assertTrue(header.contains("\nspace directions: none (75,0,0) (0,62.5,0) (0,0,80)\n"), header);
        assertTrue(header.contains("\nspace origin: (-12.5,0.25,0.001)\n"), header);
        assertTrue(header.contains("\nencoding: gzip\n"), header);
        assertTrue(header.contains("\nendian: little\n"), header);
        assertTrue(header.contains("\nneuroatlas.displacement:=atlas-space-um\n"), header);
    }

    /** Variants other writers produce: raw, big-endian, NRRD0005, CRLF lines, "3-vector", no units, space dimension. */
    @Test
    void readsRawBigEndianVariant() throws IOException {
        float[] v = new float[3 * 2 * 3 * 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f - 3;
        }
        String header = "NRRD0005\r\ntype: float\r\ndimension: 4\r\nspace dimension: 3\r\nsizes: 3 2 3 1\r\n"
                + "space directions: none (10,0,0) (0,20,0) (0,0,30)\r\nkinds: 3-vector space space space\r\nendian: big\r\n"
                + "encoding: raw\r\nneuroatlas.displacement:=atlas-space-um\r\n\r\n";
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.BIG_ENDIAN);
        b.asFloatBuffer().put(v);
        Path file = dir.resolve("raw.nrrd");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(b.array());
        Files.write(file, out.toByteArray());
        DisplacementField f = DisplacementField.read(file);
        assertArrayEquals(v, f.toArray());
        assertArrayEquals(new double[] {10, 20, 30}, f.spacingUm(), 0);
        assertArrayEquals(new double[3], f.originUm(), 0);
    }

    @Test
    void badFilesGiveInputExceptionsNamingTheFile() throws IOException {
        DisplacementField f = sample();
        Path good = dir.resolve("good.nrrd");
        f.write(good);
        byte[] bytes = Files.readAllBytes(good);
        String header = headerOf(good);

        assertNamesFile(dir.resolve("missing.nrrd"), "not found");
        assertNamesFile(write("truncated.nrrd", Arrays.copyOf(bytes, header.length() + (bytes.length - header.length()) / 2)), "truncated");
        byte[] corrupt = bytes.clone();
        for (int i = header.length() + 20; i < corrupt.length - 20; i += 7) {
            corrupt[i] ^= 0x5a;
        }
        assertNamesFile(write("corrupt.nrrd", corrupt), "");
        assertNamesFile(write("text.nrrd", "hello\n".getBytes(StandardCharsets.US_ASCII)), "not a NRRD");
        assertNamesFile(replaceHeader(bytes, header, "neuroatlas.displacement:=atlas-space-um\n", ""), "neuroatlas.displacement");
        assertNamesFile(replaceHeader(bytes, header, "dimension: 4", "dimension: 3"), "dimension");
        assertNamesFile(replaceHeader(bytes, header, "type: float", "type: double"), "type");
        assertNamesFile(replaceHeader(bytes, header, "none (75,0,0)", "none (75,1,0)"), "aligned");
        assertNamesFile(replaceHeader(bytes, header, "\"microns\" \"microns\" \"microns\"", "\"mm\" \"mm\" \"mm\""), "microns");
        assertNamesFile(replaceHeader(bytes, header, "kinds: vector domain", "kinds: domain domain"), "vector");
        assertNamesFile(replaceHeader(bytes, header, "sizes: 3 ", "sizes: 2 "), "sizes");
        // A header without its terminating blank line runs into binary data.
        assertNamesFile(replaceHeader(bytes, header, "atlas-space-um\n\n", "atlas-space-um\n"), "");
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path replaceHeader(byte[] bytes, String header, String from, String to) throws IOException {
        assertTrue(header.contains(from), from);
        byte[] h = header.replace(from, to).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + bytes.length - header.length());
        System.arraycopy(bytes, header.length(), out, h.length, bytes.length - header.length());
        return write("edited" + Math.abs((from + to).hashCode()) + ".nrrd", out);
    }

    private static void assertNamesFile(Path file, String mentions) {
        InputException e = assertThrows(InputException.class, () -> DisplacementField.read(file), file.toString());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }

    /** The header text up to and including the blank line. */
    static String headerOf(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String s = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        return s.substring(0, s.indexOf("\n\n") + 2);
    }
}

package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.io.AtomicFile;

/**
 * SHA-256 of files and the {@code checksums.sha256} list in the destination, in the format of GNU
 * {@code sha256sum} ({@code <64 hex>  <name>}), so that users can check the files with {@code sha256sum -c}.
 */
final class ChecksumFile {

    /** The checksum list's name in the destination folder. */
    static final String NAME = "checksums.sha256";

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private ChecksumFile() {
    }

    /** Entries by file name, in file order; empty if the list does not exist. Lines that are not entries are skipped. */
    static Map<String, String> read(Path list) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line.strip());
                if (m.matches()) {
                    entries.put(m.group(2), m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return entries;
    }

    /** Writes {@code entries} (name → SHA-256) atomically, replacing the list. */
    static void write(Path list, Map<String, String> entries) throws IOException {
        StringBuilder sb = new StringBuilder();
        entries.forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
        AtomicFile.write(list, tmp -> Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8));
    }

    /** SHA-256 of a file, as 64 lower-case hex digits. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(md);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }
}

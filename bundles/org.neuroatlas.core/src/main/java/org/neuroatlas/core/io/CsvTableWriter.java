package org.neuroatlas.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams rows of a {@link TableSchema} into a CSV file with a header line. The file appears at its final path
 * only on {@link #commit()}; closing without commit (an error, a cancel) deletes the partial file.
 * Missing values are written as empty fields; doubles in Java's shortest round-trip form ({@code NaN} for NaN).
 */
public final class CsvTableWriter implements AutoCloseable {

    private final TableSchema schema;
    private final Path target;
    private final Path temporary;
    private final CSVPrinter printer;
    private boolean committed;

    public CsvTableWriter(Path target, TableSchema schema) throws IOException {
        this.schema = schema;
        this.target = target.toAbsolutePath();
        Files.createDirectories(this.target.getParent());
        this.temporary = Files.createTempFile(this.target.getParent(), "." + this.target.getFileName() + ".", ".part");
        BufferedWriter w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord((Object[]) schema.names());
    }

    /** Writes all rows to {@code target} in one go. */
    public static void write(Path target, TableSchema schema, Iterable<Object[]> rows) throws IOException {
        try (CsvTableWriter w = new CsvTableWriter(target, schema)) {
            for (Object[] r : rows) {
                w.add(r);
            }
            w.commit();
        }
    }

    /** Appends one row; values must match the schema's column types (null = missing). */
    public void add(Object... row) throws IOException {
        schema.check(row);
        String[] fields = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            fields[i] = format(row[i]);
        }
        printer.printRecord((Object[]) fields);
    }

    /** The text a value is written as. */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        return v.toString();
    }

    /** Finishes the file and moves it into place. */
    public void commit() throws IOException {
        printer.close(true);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                printer.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}

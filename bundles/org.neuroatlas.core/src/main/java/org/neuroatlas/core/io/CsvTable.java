package org.neuroatlas.core.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.neuroatlas.core.InputException;

/**
 * A CSV file with a header line, read whole (for sample sheets, counts and other tables of modest size), with
 * user-facing errors that name the file, the line and the column.
 */
public final class CsvTable implements TextTable {

    private final Path file;
    private final List<String> header;
    private final List<CSVRecord> records;
    private final List<Long> lines;

    private CsvTable(Path file, List<String> header, List<CSVRecord> records, List<Long> lines) {
        this.file = file;
        this.header = header;
        this.records = records;
        this.lines = lines;
    }

    /** Reads {@code file}; a leading byte-order mark and blank lines are ignored, headers are trimmed. */
    public static CsvTable read(Path file) {
        try (Reader rest = new InputStreamReader(BOMInputStream.builder().setPath(file).get(), StandardCharsets.UTF_8)) {
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(rest);
            List<String> header = p.getHeaderNames().stream().map(String::trim).toList();
            List<CSVRecord> records = new java.util.ArrayList<>();
            List<Long> lines = new java.util.ArrayList<>();
            for (CSVRecord r : p) {
                records.add(r);
                // Line breaks read so far = the number of the record's (last) line, blank lines before it counted.
                lines.add(p.getCurrentLineNumber());
            }
            return new CsvTable(file, header, records, lines);
        } catch (NoSuchFileException e) {
            throw InputException.file(file, "does not exist", "Check the path");
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw InputException.file(file, "is not a readable CSV table (" + e.getMessage() + ")",
                    "Save it as comma-separated UTF-8 text with a header line", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public String get(int row, String column) {
        CSVRecord r = records.get(row);
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    /** The line number of row {@code row} in the file, for messages. */
    public long line(int row) {
        return lines.get(row);
    }

    /** A user-facing error about one cell of the table, naming the file, the line and the column. */
    @Override
    public InputException error(int row, String column, String problem, String remedy) {
        return InputException.file(file, "line " + line(row) + ", column " + column + ": " + problem, remedy);
    }

    @Override
    public InputException error(String problem, String remedy) {
        return InputException.file(file, problem, remedy);
    }

    /** Row {@code row} as column → value. */
    public Map<String, String> row(int row) {
        return records.get(row).toMap();
    }
}

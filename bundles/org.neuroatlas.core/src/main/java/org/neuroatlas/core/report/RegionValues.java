package org.neuroatlas.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.TextTable;

/**
 * Per-sample values per region and hemisphere from one or more long tables (one row per sample × region ×
 * hemisphere, e.g. the counts CSV of {@code neuroatlas map}): columns {@code sample_id}, {@code region} (or
 * {@code acronym}), optionally {@code hemisphere} (absent = {@code both}), and the value column, e.g.
 * {@code count} or {@code density_per_mm3}.
 */
public final class RegionValues {

    private final String valueColumn;
    /** "region\themisphere" → sample id → value, in table order. */
    private final Map<String, Map<String, Double>> values;

    private RegionValues(String valueColumn, Map<String, Map<String, Double>> values) {
        this.valueColumn = valueColumn;
        this.values = values;
    }

    /** Reads and joins CSV files. @throws InputException naming the file, line and column of a problem */
    public static RegionValues read(List<Path> csvs, String valueColumn) {
        List<TextTable> tables = new ArrayList<>();
        for (Path p : csvs) {
            tables.add(CsvTable.read(p));
        }
        return from(tables, valueColumn);
    }

    /**
     * Joins tables given as text.
     *
     * @throws InputException on missing columns, non-numeric values, or a sample × region × hemisphere given twice
     */
    public static RegionValues from(List<? extends TextTable> tables, String valueColumn) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (TextTable t : tables) {
            String regionColumn = t.hasColumn("region") ? "region" : "acronym";
            t.requireColumns("sample_id", regionColumn, valueColumn);
            boolean sided = t.hasColumn("hemisphere");
            for (int r = 0; r < t.size(); r++) {
                String hemisphere = sided ? t.get(r, "hemisphere").toLowerCase(Locale.ROOT) : "both";
                String key = key(t.get(r, regionColumn), hemisphere.isEmpty() ? "both" : hemisphere);
                double v = t.getDouble(r, valueColumn, true);
                String sample = t.get(r, "sample_id");
                if (values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(sample, v) != null) {
                    throw t.error(r, "sample_id", "sample " + sample + ", region " + t.get(r, regionColumn) + " (" + hemisphere
                            + ") was already given", "Give each sample × region × hemisphere once across all value tables");
                }
            }
        }
        return new RegionValues(valueColumn, values);
    }

    /** The column the values come from, e.g. {@code count} (the bar chart's y axis title). */
    public String valueColumn() {
        return valueColumn;
    }

    /** Sample id → value for one region (acronym) and hemisphere, in table order; empty if none. NaN for empty cells. */
    public Map<String, Double> of(String region, String hemisphere) {
        return values.getOrDefault(key(region, hemisphere), Map.of());
    }

    private static String key(String region, String hemisphere) {
        return region + '\t' + hemisphere;
    }
}

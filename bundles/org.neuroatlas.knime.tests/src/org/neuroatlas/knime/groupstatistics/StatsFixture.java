package org.neuroatlas.knime.groupstatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTable;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeTables;

/**
 * A small hand-made study: nine samples (saline, ketamine-30, ketamine-100; three each) with Atlas Mapper-style
 * counts for VTA (rising with dose), SNc (falling) and CP (flat) on the left, right and both sides; k100_3 has no CP
 * rows (zero-filled). As KNIME tables (the counts with the real column types, the volume table with two channel rows
 * per sample) and as the CSVs {@code ./neuroatlas stats} would read.
 */
public final class StatsFixture {

    public static final List<String> SAMPLES = List.of("sal_1", "sal_2", "sal_3", "k30_1", "k30_2", "k30_3", "k100_1", "k100_2", "k100_3");
    private static final String ATLAS = "neuroatlas-demo@1/100um#fixture";

    private StatsFixture() {
    }

    static String group(String sample) {
        return sample.startsWith("sal") ? "saline" : sample.startsWith("k30") ? "ketamine-30" : "ketamine-100";
    }

    static double dose(String sample) {
        return sample.startsWith("sal") ? 0 : sample.startsWith("k30") ? 30 : 100;
    }

    /** Rows of {@link RegionCounts#SCHEMA}. */
    public static List<Object[]> countRows() {
        List<Object[]> rows = new ArrayList<>();
        Object[][] regions = {{749, "VTA", "Ventral tegmental area", 7}, {374, "SNc", "Substantia nigra, compact part", 7},
            {672, "CP", "Caudoputamen", 6}};
        for (int s = 0; s < SAMPLES.size(); s++) {
            String id = SAMPLES.get(s);
            double level = 1 + dose(id) / 50;
            for (Object[] r : regions) {
                if (id.equals("k100_3") && r[1].equals("CP")) {
                    continue;
                }
                for (String side : List.of("left", "right")) {
                    long count = count((String) r[1], level, s, side);
                    rows.add(new Object[] {id, ATLAS, r[0], r[1], r[2], r[3], side, count, count, 0.25, count / 0.25});
                }
                long both = count((String) r[1], level, s, "left") + count((String) r[1], level, s, "right");
                rows.add(new Object[] {id, ATLAS, r[0], r[1], r[2], r[3], "both", both, both, 0.5, both / 0.5});
            }
        }
        return rows;
    }

    private static long count(String region, double level, int sample, String side) {
        double base = switch (region) {
            case "VTA" -> 100 * level;
            case "SNc" -> 200 / level;
            default -> 150;
        };
        return Math.round(base + 4 * (sample % 3) + (side.equals("left") ? 1 : 0));
    }

    /** Rows of {@link VolumeTable#SCHEMA}: two channels per sample, as the Volume Reader outputs. */
    public static List<Object[]> volumeRows() {
        List<Object[]> rows = new ArrayList<>();
        for (String id : SAMPLES) {
            for (String channel : List.of("signal", "autofluorescence")) {
                rows.add(new Object[] {id, group(id), dose(id), channel, "/data/" + id + "_" + channel + ".tif", "tiff", 10L, 10L, 10L, 5.0, 5.0, 5.0,
                    "psl", "uint16", 2000L});
            }
        }
        return rows;
    }

    public static DataTable countsTable() {
        return TinyCohort.table(KnimeTables.spec(RegionCounts.SCHEMA), RegionCounts.SCHEMA, countRows());
    }

    public static DataTable volumeTable() {
        return TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, volumeRows());
    }

    /** The counts as the CSV the Atlas Mapper's command ({@code map --counts}) writes. */
    public static Path countsCsv(Path dir) throws IOException {
        Path f = dir.resolve("counts.csv");
        CsvTableWriter.write(f, RegionCounts.SCHEMA, countRows());
        return f;
    }

    /** The sample sheet CSV for {@code ./neuroatlas stats --samples}. */
    public static Path sheetCsv(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("sample_id,group,dose_mg_kg\n");
        SAMPLES.forEach(id -> sb.append(id).append(',').append(group(id)).append(',').append(dose(id)).append('\n'));
        Path f = dir.resolve("samples.csv");
        Files.writeString(f, sb.toString());
        return f;
    }
}

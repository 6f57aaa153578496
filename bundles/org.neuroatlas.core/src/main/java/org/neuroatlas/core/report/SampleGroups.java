package org.neuroatlas.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.TextTable;

/**
 * Which group (and dose) each sample belongs to, from a sample sheet: columns {@code sample_id}, {@code group} and
 * optionally {@code dose_mg_kg}; other columns (channel paths …) are ignored, so the full sheet of a study works.
 */
public final class SampleGroups {

    private final Map<String, String> groupOf;
    private final List<String> groups;

    private SampleGroups(Map<String, String> groupOf, List<String> groups) {
        this.groupOf = groupOf;
        this.groups = List.copyOf(groups);
    }

    /** Reads a sample sheet CSV. @throws org.neuroatlas.core.InputException naming the file and line of a problem */
    public static SampleGroups read(Path csv) {
        return from(CsvTable.read(csv));
    }

    /** Reads sample → group from a sample-sheet table. @throws org.neuroatlas.core.InputException on missing columns, duplicates */
    public static SampleGroups from(TextTable table) {
        table.requireColumns("sample_id", "group");
        Map<String, String> groupOf = new LinkedHashMap<>();
        Map<String, Double> doseOf = new LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            String id = table.get(r, "sample_id");
            String group = table.get(r, "group");
            if (id.isEmpty()) {
                throw table.error(r, "sample_id", "is empty", "Give every sample an id");
            }
            if (group.isEmpty()) {
                throw table.error(r, "group", "is empty", "Give every sample a group");
            }
            if (groupOf.put(id, group) != null) {
                throw table.error(r, "sample_id", "'" + id + "' appears twice", "Give each sample one row");
            }
            double dose = table.hasColumn("dose_mg_kg") ? table.getDouble(r, "dose_mg_kg", true) : Double.NaN;
            doseOf.putIfAbsent(group, dose);
        }
        List<String> groups = new ArrayList<>(doseOf.keySet());
        // Dose order reads as a dose series (0, 30, 100 mg/kg); groups without a dose keep sheet order, last.
        List<String> firstSeen = List.copyOf(groups);
        groups.sort(Comparator.comparingDouble((String g) -> Double.isNaN(doseOf.get(g)) ? Double.POSITIVE_INFINITY : doseOf.get(g))
                .thenComparingInt(firstSeen::indexOf));
        return new SampleGroups(groupOf, groups);
    }

    /** Groups ordered by dose (groups without a dose last, in sheet order). */
    public List<String> groups() {
        return groups;
    }

    /** The group of {@code sampleId}, or null if the sheet does not list it. */
    public String groupOf(String sampleId) {
        return groupOf.get(sampleId);
    }

    /** Sample ids in sheet order. */
    public List<String> samples() {
        return List.copyOf(groupOf.keySet());
    }
}

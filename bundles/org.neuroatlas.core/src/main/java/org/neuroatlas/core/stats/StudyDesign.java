package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.study.Sample;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The groups of a comparison: the control group first, then the treated groups by ascending dose (groups without a
 * dose, or of equal dose, in sheet order), each with its samples in sheet order. Only samples that have values are
 * analysed.
 */
final class StudyDesign {

    /**
     * One group.
     *
     * @param name     group name from the sheet
     * @param doseMgKg the group's dose, mg/kg (NaN if not given)
     * @param samples  analysed sample ids, sheet order
     */
    record Group(String name, double doseMgKg, List<String> samples) {
    }

    final List<Group> groups;
    /** Sheet samples without any value row (left out of the analysis, reported). */
    final List<String> samplesWithoutValues;

    private StudyDesign(List<Group> groups, List<String> samplesWithoutValues) {
        this.groups = groups;
        this.samplesWithoutValues = samplesWithoutValues;
    }

    /**
     * @param controlParameter how messages name the control setting, e.g. {@code --control}
     * @throws InputException if the control group is not in the sheet, a group has samples of different doses, or a
     *                        group has no sample with values
     */
    static StudyDesign of(SampleSheet sheet, String control, Set<String> samplesWithValues, String controlParameter) {
        List<String> names = sheet.groups();
        if (!names.contains(control)) {
            throw InputException.parameter(controlParameter, "group '" + control + "' is not in the sample sheet (groups: " + String.join(", ", names) + ")",
                    "Name the control group exactly as in the sheet's group column");
        }
        if (names.size() < 2) {
            throw InputException.parameter(controlParameter, "the sample sheet has only the group '" + control + "'",
                    "A comparison needs the control group and at least one treated group");
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, Double> dose = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (Sample s : sheet.samples()) {
            Double d = dose.putIfAbsent(s.group(), s.doseMgKg());
            if (d != null && Double.compare(d, s.doseMgKg()) != 0) {
                throw InputException.table("sample sheet", "group " + s.group() + " has samples with different doses (" + d + " and "
                        + s.doseMgKg() + " mg/kg, sample " + s.sampleId() + ")", "Give every sample of a group the same dose, or split the group");
            }
            List<String> list = members.computeIfAbsent(s.group(), g -> new ArrayList<>());
            if (samplesWithValues.contains(s.sampleId())) {
                list.add(s.sampleId());
            } else {
                without.add(s.sampleId());
            }
        }
        for (Map.Entry<String, List<String>> e : members.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw InputException.table("values", "group " + e.getKey() + " has no sample with values (its samples in the sheet: "
                        + String.join(", ", sheet.samples().stream().filter(s -> s.group().equals(e.getKey())).map(Sample::sampleId).toList()) + ")",
                        "Give the values of its samples, or remove the group from the sample sheet");
            }
        }
        // The control first, then the treated groups in the sheet's dose order (shared with the report's bar charts).
        List<Group> ordered = new ArrayList<>();
        ordered.add(new Group(control, dose.get(control), List.copyOf(members.get(control))));
        for (String g : sheet.groupsByDose()) {
            if (!g.equals(control)) {
                ordered.add(new Group(g, dose.get(g), List.copyOf(members.get(g))));
            }
        }
        return new StudyDesign(List.copyOf(ordered), List.copyOf(without));
    }

    Group control() {
        return groups.get(0);
    }

    List<Group> treated() {
        return groups.subList(1, groups.size());
    }

    /** Whether every group has a dose (needed for the trend tests). */
    boolean hasDoses() {
        return groups.stream().noneMatch(g -> Double.isNaN(g.doseMgKg()));
    }
}

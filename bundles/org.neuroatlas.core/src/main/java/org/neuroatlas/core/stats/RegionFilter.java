package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.SummaryLevel;

/**
 * Selects the regions to compare from those in the values, by a {@link SummaryLevel} but without an atlas (the
 * values carry what is needed): {@code all} keeps every region; acronym lists keep the regions whose acronym (or id,
 * for numeric entries) is listed — every listed region must be in the values, so a typo is not a silently missing row;
 * {@code major} keeps those of the 12 Allen major divisions that are in the values; {@code depth:N} keeps
 * regions of depth ≤ N and needs a {@code depth} column (as in {@code map}'s counts).
 */
final class RegionFilter {

    private RegionFilter() {
    }

    /** The selected regions in values order. */
    static List<RegionValues.Region> select(List<RegionValues.Region> regions, SummaryLevel level, String parameter) {
        if (level == null || level.kind() == SummaryLevel.Kind.ALL) {
            return regions;
        }
        List<RegionValues.Region> out = new ArrayList<>();
        if (level.kind() == SummaryLevel.Kind.DEPTH) {
            for (RegionValues.Region r : regions) {
                if (r.depth() == null) {
                    throw InputException.parameter(parameter, "depth:" + level.depth() + " needs the regions' depth, but region " + r.label()
                            + " has none", "Give values with a depth column (as map writes), or list acronyms");
                }
                if (r.depth() <= level.depth()) {
                    out.add(r);
                }
            }
            return out;
        }
        List<String> listed = level.acronyms();
        List<String> absent = new ArrayList<>();
        for (String a : listed) {
            if (regions.stream().noneMatch(r -> matches(r, a))) {
                absent.add(a);
            }
        }
        // The major divisions are a fixed list; counts list only divisions holding cells, so absence is no error.
        if (!absent.isEmpty() && level.kind() == SummaryLevel.Kind.ACRONYMS) {
            throw InputException.parameter(parameter, "region(s) " + String.join(", ", absent) + " are not in the values",
                    "List regions present in the values (acronyms are case-exact); map --regions lists regions even without cells");
        }
        for (RegionValues.Region r : regions) {
            if (listed.stream().anyMatch(a -> matches(r, a))) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean matches(RegionValues.Region r, String entry) {
        return r.label().equals(entry) || (r.id() != null && entry.equals(String.valueOf(r.id())));
    }
}

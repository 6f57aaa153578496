package org.neuroatlas.core.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.io.Json;

/**
 * What a simulated cohort looks like: groups and doses, baseline densities of labelled cells (cells per mm³ of atlas
 * space) and fibres (volume fraction) per region, and each group's multiplicative effects. A region's values apply
 * to its descendants too, unless a descendant has its own entry. Built in: {@code null} (no effects) and
 * {@code ketamine}; or a JSON file of the same shape (see the built-in files for the format and the basis of every
 * number).
 */
public final class Scenario {

    /** One experimental group. */
    public record Group(String name, double doseMgKg) {
    }

    /**
     * Baseline and effects of one region (and its descendants without entries of their own).
     *
     * @param cellEffects  group → multiplier of the cell density (absent = 1)
     * @param fibreEffects group → multiplier of the fibre fraction (absent = 1)
     */
    public record RegionEntry(String acronym, double cellsPerMm3, double fibreFraction, Map<String, Double> cellEffects,
            Map<String, Double> fibreEffects, String basis) {
    }

    private final String name;
    private final String description;
    private final String control;
    private final List<Group> groups;
    private final double animalCv;
    private final RegionEntry defaults;
    private final List<RegionEntry> regions;
    private final String sourceText;

    private Scenario(String name, String description, String control, List<Group> groups, double animalCv, RegionEntry defaults,
            List<RegionEntry> regions, String sourceText) {
        this.name = name;
        this.description = description;
        this.control = control;
        this.groups = List.copyOf(groups);
        this.animalCv = animalCv;
        this.defaults = defaults;
        this.regions = List.copyOf(regions);
        this.sourceText = sourceText;
    }

    /** The names of the built-in scenarios. */
    public static List<String> builtIn() {
        return List.of("null", "ketamine");
    }

    /** A built-in scenario by name, or a scenario JSON file. */
    public static Scenario load(String nameOrFile) {
        String n = nameOrFile.trim();
        if (builtIn().contains(n)) {
            try (InputStream in = Scenario.class.getResourceAsStream(n + ".json")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return parse(text, Path.of("built-in scenario " + n));
            } catch (IOException e) {
                throw new IllegalStateException("built-in scenario " + n + " missing from the jar", e);
            }
        }
        Path file = Path.of(n);
        if (!Files.isRegularFile(file)) {
            throw InputException.parameter("--scenario", "'" + n + "' is neither a built-in scenario nor a file",
                    "Use " + String.join(" or ", builtIn()) + ", or the path of a scenario JSON file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw InputException.file(file, "could not be read (" + e.getMessage() + ")", "Check the file", e);
        }
    }

    static Scenario parse(String text, Path file) {
        Object json;
        try {
            json = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw InputException.file(file, "is not valid JSON (" + e.getMessage() + ")", "Fix the file", e);
        }
        Map<String, Object> m = Json.object(json, file, "the top level");
        List<Group> groups = new ArrayList<>();
        for (Object g : Json.array(m.get("groups"), file, "entry \"groups\"")) {
            Map<String, Object> gm = Json.object(g, file, "a group");
            double dose = Json.number(gm, "dose_mg_kg", Double.NaN, file);
            groups.add(new Group(Json.string(gm, "name", file), dose));
        }
        if (groups.isEmpty()) {
            throw InputException.file(file, "lists no groups", "Add at least a control group");
        }
        String control = Json.string(m, "control", file);
        if (groups.stream().noneMatch(g -> g.name().equals(control))) {
            throw InputException.file(file, "control group '" + control + "' is not among the groups", "Name one of the groups as control");
        }
        double cv = Json.number(m, "animal_cv", 0, file);
        if (!(cv >= 0 && cv < 1)) {
            throw InputException.file(file, "animal_cv must be in [0, 1), not " + cv, "Give the between-animal coefficient of variation");
        }
        RegionEntry defaults = entry(Json.object(m.getOrDefault("default", Map.of()), file, "entry \"default\""), "(default)", groups, file);
        List<RegionEntry> regions = new ArrayList<>();
        for (Object r : Json.array(m.getOrDefault("regions", List.of()), file, "entry \"regions\"")) {
            Map<String, Object> rm = Json.object(r, file, "a region");
            regions.add(entry(rm, Json.string(rm, "acronym", file), groups, file));
        }
        return new Scenario(Json.string(m, "name", file), m.get("description") instanceof String d ? d : "", control, groups, cv, defaults, regions,
                text);
    }

    private static RegionEntry entry(Map<String, Object> m, String acronym, List<Group> groups, Path file) {
        double cells = Json.number(m, "cells_per_mm3", 0, file);
        double fibre = Json.number(m, "fibre_fraction", 0, file);
        if (!(cells >= 0) || !(fibre >= 0 && fibre < 1)) {
            throw InputException.file(file, acronym + ": cells_per_mm3 must be ≥ 0 and fibre_fraction in [0, 1)", "Fix the numbers");
        }
        return new RegionEntry(acronym, cells, fibre, effects(m, "cell_effects", groups, acronym, file), effects(m, "fibre_effects", groups, acronym, file),
                m.get("basis") instanceof String b ? b : "");
    }

    private static Map<String, Double> effects(Map<String, Object> m, String key, List<Group> groups, String acronym, Path file) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!m.containsKey(key)) {
            return out;
        }
        Json.object(m.get(key), file, acronym + " " + key).forEach((g, v) -> {
            if (groups.stream().noneMatch(x -> x.name().equals(g))) {
                throw InputException.file(file, acronym + " " + key + " names group '" + g + "', which is not among the groups", "Fix the group name");
            }
            if (!(v instanceof Number n) || !(n.doubleValue() >= 0)) {
                throw InputException.file(file, acronym + " " + key + " for " + g + " must be a non-negative multiplier", "Fix the number");
            }
            out.put(g, ((Number) v).doubleValue());
        });
        return out;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The control group's name. */
    public String control() {
        return control;
    }

    public List<Group> groups() {
        return groups;
    }

    public Group group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst().orElseThrow();
    }

    /** Between-animal coefficient of variation of every region's cell and fibre density. */
    public double animalCv() {
        return animalCv;
    }

    public RegionEntry defaults() {
        return defaults;
    }

    public List<RegionEntry> regions() {
        return regions;
    }

    /** This scenario with only its control group (one brain per group then means one brain: benchmarks). */
    public Scenario controlOnly() {
        return new Scenario(name, description, control, List.of(group(control)), animalCv, defaults, regions, sourceText);
    }

    /** The JSON text the scenario was read from (written next to a simulated cohort). */
    public String sourceText() {
        return sourceText;
    }

    /**
     * The entry governing every structure of {@code ontology}: its own, else its nearest ancestor's, else the default.
     *
     * @throws InputException if an entry names an acronym the ontology lacks (with near matches)
     */
    public Map<Integer, RegionEntry> resolve(Ontology ontology) {
        Map<Integer, RegionEntry> own = new HashMap<>();
        for (RegionEntry e : regions) {
            own.put(ontology.require(e.acronym(), "scenario " + name).id(), e);
        }
        Map<Integer, RegionEntry> out = new HashMap<>();
        for (Structure s : ontology.structures()) { // pre-order: parents before children
            RegionEntry e = own.get(s.id());
            if (e == null) {
                e = s.isRoot() ? defaults : out.get(s.parentId());
            }
            out.put(s.id(), e);
        }
        return out;
    }
}

package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.study.Sample;
import org.neuroatlas.core.study.SampleSheet;

/**
 * A cohort simulated at the level of region counts, not images: for each brain and each region the scenario names,
 * a Poisson count around the region's true density × its atlas volume. Densities come from {@link AnimalVariation}
 * (the rule the image simulator uses) with the same brain seeds and sample ids as {@link CohortSimulator}, so the
 * counts are what perfect detection and registration of that image cohort would give in distribution. Thousands of
 * cohorts take seconds: this is for calibrating the statistics, where images would add nothing but time.
 */
public final class CountCohort {

    /** Stream id of the counting noise, apart from the deviation streams of {@link AnimalVariation}. */
    private static final long COUNT_STREAM = 0xC0C0L;

    /** Columns of {@link #values()}: what {@code stats} reads ({@code RegionValues}). */
    public static final List<String> COLUMNS = List.of("sample_id", "region", "region_id", "hemisphere", "count");

    /** One counted region: its volume split by the scenario entry governing each part (descendants may differ). */
    private record CountedRegion(Structure structure, Map<Scenario.RegionEntry, Double> mm3ByEntry) {
    }

    private final Scenario scenario;
    private final AnimalVariation rule;
    private final List<CountedRegion> regions = new ArrayList<>();

    /**
     * Prepares the scenario's regions on an atlas.
     *
     * @param volumes the atlas's region volumes (e.g. {@code RegionVolumes.measure} of the demo atlas)
     */
    public CountCohort(Scenario scenario, Ontology ontology, RegionVolumes volumes) {
        this.scenario = scenario;
        this.rule = new AnimalVariation(scenario);
        Map<Integer, Scenario.RegionEntry> entries = scenario.resolve(ontology);
        for (Scenario.RegionEntry named : scenario.regions()) {
            Structure s = ontology.require(named.acronym(), "scenario " + scenario.name());
            Map<Scenario.RegionEntry, Double> parts = new LinkedHashMap<>();
            List<Structure> subtree = new ArrayList<>(ontology.descendants(s));
            subtree.add(s);
            for (Structure d : subtree) {
                double mm3 = volumes.ownMm3(d.id(), null);
                if (mm3 > 0) {
                    parts.merge(entries.getOrDefault(d.id(), scenario.defaults()), mm3, Double::sum);
                }
            }
            regions.add(new CountedRegion(s, parts));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The scenario's regions in scenario order (as {@link #values} lists them). */
    public List<String> regions() {
        return regions.stream().map(r -> r.structure().acronym()).toList();
    }

    /** One simulated cohort: a sample sheet (groups and doses) and the region counts of every brain. */
    public record Counts(SampleSheet sheet, TextTable values) {
    }

    /** {@code nPerGroup} brains per scenario group, deterministic per {@code seed}. */
    public Counts simulate(int nPerGroup, long seed) {
        List<Sample> samples = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Scenario.Group> groups = scenario.groups();
        for (int g = 0; g < groups.size(); g++) {
            Scenario.Group group = groups.get(g);
            for (int i = 1; i <= nPerGroup; i++) {
                String id = CohortSimulator.sampleId(group.name(), i);
                long brainSeed = CohortSimulator.brainSeed(seed, g, i);
                samples.add(new Sample(id, group.name(), group.doseMgKg(), Map.of(), Optional.empty(), Optional.empty()));
                for (int r = 0; r < regions.size(); r++) {
                    CountedRegion region = regions.get(r);
                    long count = DeterministicRandom.poisson(expected(region, group.name(), brainSeed), brainSeed, COUNT_STREAM, r);
                    rows.add(List.of(id, region.structure().acronym(), Integer.toString(region.structure().id()), "both", Long.toString(count)));
                }
            }
        }
        return new Counts(new SampleSheet(samples), TextTable.of("simulated counts (seed " + seed + ")", COLUMNS, null, rows));
    }

    /** Σ over the region's parts of volume × this animal's density: a sum of Poissons is Poisson of the summed mean. */
    private double expected(CountedRegion region, String group, long brainSeed) {
        double mean = 0;
        for (Map.Entry<Scenario.RegionEntry, Double> part : region.mm3ByEntry().entrySet()) {
            mean += part.getValue() * rule.cellsPerMm3(part.getKey(), group, brainSeed);
        }
        return mean;
    }

    /** True cell-density multiplier of {@code region} (a scenario acronym) in {@code group} (1 without an effect). */
    public double trueCellEffect(String region, String group) {
        return scenario.regions().stream().filter(e -> e.acronym().equals(region)).findFirst().orElseThrow().cellEffects().getOrDefault(group, 1.0);
    }
}

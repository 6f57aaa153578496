package org.neuroatlas.core.simulate;

/**
 * The one rule for an animal's true density in a scenario entry: the scenario's baseline × the group's effect × the
 * animal's own deviation, lognormal with mean 1 and the scenario's coefficient of variation ({@code animal_cv}),
 * drawn once per entry and animal (so a region and its descendants without entries of their own vary together),
 * independently for cells and fibres. Both the image simulator ({@link CohortSimulator}) and the counts-level
 * simulator ({@link CountCohort}) draw through here, so the two cannot drift apart.
 */
public final class AnimalVariation {

    /** Stream ids of the deviation: kept from the first image simulator so that its cohorts stay byte-identical. */
    private static final long STREAM = 0xA71DL;
    private static final long CELLS = 0;
    private static final long FIBRES = 1;

    private final Scenario scenario;
    private final double sigma;

    public AnimalVariation(Scenario scenario) {
        this.scenario = scenario;
        this.sigma = Math.sqrt(Math.log1p(scenario.animalCv() * scenario.animalCv()));
    }

    /** True cells per mm³ of {@code entry} for one animal of {@code group} (seed {@code animalSeed}). */
    public double cellsPerMm3(Scenario.RegionEntry entry, String group, long animalSeed) {
        return entry.cellsPerMm3() * entry.cellEffects().getOrDefault(group, 1.0) * deviation(animalSeed, entryKey(entry), CELLS);
    }

    /** True fibre volume fraction of {@code entry} for one animal (capped at 0.5, as rendered). */
    public double fibreFraction(Scenario.RegionEntry entry, String group, long animalSeed) {
        return Math.min(0.5, entry.fibreFraction() * entry.fibreEffects().getOrDefault(group, 1.0) * deviation(animalSeed, entryKey(entry), FIBRES));
    }

    /** 0 for the default entry, else 1 + the entry's position: stable ids for the random streams. */
    private long entryKey(Scenario.RegionEntry entry) {
        return scenario.regions().indexOf(entry) + 1L;
    }

    /** exp(σz − σ²/2): lognormal with mean 1. */
    private double deviation(long animalSeed, long entryKey, long stream) {
        return sigma == 0 ? 1 : Math.exp(sigma * DeterministicRandom.gaussian(animalSeed, STREAM + stream, entryKey) - sigma * sigma / 2);
    }
}

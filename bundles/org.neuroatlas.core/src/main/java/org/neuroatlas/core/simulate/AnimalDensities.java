package org.neuroatlas.core.simulate;

import java.util.Map;

import org.neuroatlas.core.atlas.Ontology;

/**
 * One animal's true densities per atlas label: the scenario's baseline × the group's effect × the animal's own
 * deviation. The deviation is lognormal with mean 1 and the scenario's coefficient of variation, drawn once per
 * scenario entry (so a region and its descendants without entries vary together), independently for cells and
 * fibres.
 */
final class AnimalDensities {

    /** Expected cells per mm³ per label index (index 0, outside the brain: 0). */
    final double[] cellsPerMm3;
    /** Target fibre volume fraction per label index. */
    final double[] fibreFraction;

    AnimalDensities(Scenario scenario, String group, long animalSeed, Ontology ontology, AtlasRaster raster) {
        Map<Integer, Scenario.RegionEntry> entries = scenario.resolve(ontology);
        java.util.List<Scenario.RegionEntry> order = scenario.regions();
        double sigma = Math.sqrt(Math.log1p(scenario.animalCv() * scenario.animalCv()));
        int n = raster.labelCount();
        cellsPerMm3 = new double[n];
        fibreFraction = new double[n];
        for (int i = 1; i < n; i++) {
            Scenario.RegionEntry e = entries.getOrDefault(raster.labelId(i), scenario.defaults());
            long entryKey = order.indexOf(e) + 1L; // 0 for the default entry
            cellsPerMm3[i] = e.cellsPerMm3() * e.cellEffects().getOrDefault(group, 1.0) * deviation(sigma, animalSeed, entryKey, 0);
            fibreFraction[i] = Math.min(0.5, e.fibreFraction() * e.fibreEffects().getOrDefault(group, 1.0) * deviation(sigma, animalSeed, entryKey, 1));
        }
    }

    /** exp(σz − σ²/2): lognormal with mean 1. */
    private static double deviation(double sigma, long animalSeed, long entryKey, long stream) {
        return sigma == 0 ? 1 : Math.exp(sigma * DeterministicRandom.gaussian(animalSeed, 0xA71DL + stream, entryKey) - sigma * sigma / 2);
    }

    /** Largest fibre fraction of any label. */
    double maxFibreFraction() {
        double m = 0;
        for (double f : fibreFraction) {
            m = Math.max(m, f);
        }
        return m;
    }
}

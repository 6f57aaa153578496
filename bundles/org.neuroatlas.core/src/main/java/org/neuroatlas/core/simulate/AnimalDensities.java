package org.neuroatlas.core.simulate;

import java.util.Map;

import org.neuroatlas.core.atlas.Ontology;

/**
 * One animal's true densities per atlas label, by the rule of {@link AnimalVariation} (baseline × group effect ×
 * the animal's lognormal deviation per scenario entry).
 */
final class AnimalDensities {

    /** Expected cells per mm³ per label index (index 0, outside the brain: 0). */
    final double[] cellsPerMm3;
    /** Target fibre volume fraction per label index. */
    final double[] fibreFraction;

    AnimalDensities(Scenario scenario, String group, long animalSeed, Ontology ontology, AtlasRaster raster) {
        Map<Integer, Scenario.RegionEntry> entries = scenario.resolve(ontology);
        AnimalVariation rule = new AnimalVariation(scenario);
        int n = raster.labelCount();
        cellsPerMm3 = new double[n];
        fibreFraction = new double[n];
        for (int i = 1; i < n; i++) {
            Scenario.RegionEntry e = entries.getOrDefault(raster.labelId(i), scenario.defaults());
            cellsPerMm3[i] = rule.cellsPerMm3(e, group, animalSeed);
            fibreFraction[i] = rule.fibreFraction(e, group, animalSeed);
        }
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

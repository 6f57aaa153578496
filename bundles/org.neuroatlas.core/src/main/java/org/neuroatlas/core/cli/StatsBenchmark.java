package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.simulate.CountCohort;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.stats.Calibration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neuroatlas benchmark stats}: the calibration bar of issue 8 on counts-level simulated cohorts — the mean
 * false-discovery proportion under the {@code null} scenario and the power per region × contrast under
 * {@code ketamine} — the figures {@code CalibrationTest} asserts, for any number of cohorts, seed and group size.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Calibrate the dose comparison on counts-level simulated cohorts: mean false-discovery proportion under the null "
            + "scenario (bar: <= 0.05) and power under ketamine for true effects of --min-effect or more (bar: >= 0.80)."})
final class StatsBenchmark implements Callable<Integer> {

    @Option(names = "--cohorts", defaultValue = "200", paramLabel = "N", description = "Cohorts per scenario (default: ${DEFAULT-VALUE}).")
    int cohorts;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Cohort k uses seed S + k (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--n-per-group", defaultValue = "6", paramLabel = "N", description = "Brains per group (default: ${DEFAULT-VALUE}).")
    int nPerGroup;

    @Option(names = "--min-effect", defaultValue = "0.2", paramLabel = "F",
            description = "Power is reported for true effects with |multiplier - 1| >= F (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--atlas", defaultValue = "demo", paramLabel = "DIR|demo", description = "Atlas whose region volumes are used (default: ${DEFAULT-VALUE}).")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (cohorts < 2 || nPerGroup < 3) {
            throw InputException.parameter(cohorts < 2 ? "--cohorts" : "--n-per-group",
                    "must be at least " + (cohorts < 2 ? "2" : "3"), null);
        }
        PrintWriter w = spec.commandLine().getOut();
        RegionVolumes volumes;
        Ontology ontology;
        String atlasKey;
        try (Atlas a = atlasOptions.open(atlas, Progress.NONE)) {
            volumes = RegionVolumes.measure(a, Progress.NONE);
            ontology = a.ontology(); // in memory: usable after the atlas's volumes are closed
            atlasKey = a.identity().key();
        }
        long start = System.nanoTime();
        Calibration.Fdp f = Calibration.falseDiscoveries(new CountCohort(Scenario.load("null"), ontology, volumes), nPerGroup, cohorts, seed);
        w.printf(Locale.ROOT, "atlas %s, %d brains per group, %d cohorts per scenario, seeds %d..%d, default stats settings (FDR 0.05)%n",
                atlasKey, nPerGroup, cohorts, seed, seed + cohorts - 1);
        w.printf(Locale.ROOT, "null:     mean false-discovery proportion %.4f ± %.4f (Monte-Carlo SE), any discovery in %.1f %% of cohort × contrast"
                + " -> bar <= 0.05 %s%n", f.meanFdp(), f.standardError(), 100 * f.anyDiscovery(), f.meanFdp() <= 0.05 ? "met" : "NOT met");
        List<Calibration.Power> power = Calibration.power(new CountCohort(Scenario.load("ketamine"), ontology, volumes), nPerGroup, cohorts, seed,
                minEffect);
        for (Calibration.Power p : power) {
            w.printf(Locale.ROOT, "ketamine: %-5s %-24s true effect %.2f  power %.3f%n", p.region(), p.contrast(), p.trueEffect(), p.fraction());
        }
        power.stream().min(Comparator.comparingDouble(Calibration.Power::fraction)).ifPresentOrElse(
                m -> w.printf(Locale.ROOT, "ketamine: minimum power %.3f (%s, %s) -> bar >= 0.80 %s%n", m.fraction(), m.region(), m.contrast(),
                        m.fraction() >= 0.80 ? "met" : "NOT met"),
                () -> w.println("ketamine: no true effect of that size"));
        w.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - start) / 1e9);
        w.flush();
        return 0;
    }
}

package org.neuroatlas.core.cli;

import picocli.CommandLine.Command;

/** {@code neuroatlas benchmark …}: measurements that print figures (not tests). */
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {ReadBenchmark.class, SimulateBenchmark.class, DetectBenchmark.class, RegisterBenchmark.class, StatsBenchmark.class})
final class BenchmarkCommand {
}

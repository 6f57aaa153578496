package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.OntologyTable;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.io.CsvTableWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas atlas ontology ATLAS --out F}: the same table as the Atlas Ontology node. */
@Command(name = "ontology", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write an atlas's regions at a summary level, with volumes per hemisphere (mm³), as CSV — the Atlas Ontology node's table.")
final class AtlasOntologyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ATLAS", description = "Atlas folder (Allen or BrainGlobe layout), or 'demo'.")
    String atlas;

    @Mixin
    AtlasOptions options;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "all",
            description = "all | major (Allen's 12 major divisions) | depth:N | a comma-separated acronym list, e.g. VTA,SNc (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--out", paramLabel = "CSV", required = true, description = "Output CSV file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SummaryLevel summary = SummaryLevel.parse(level, "--level");
        ConsoleProgress progress = ConsoleProgress.stderr("ontology", false);
        List<Object[]> rows;
        try (Atlas a = options.open(atlas, progress.slice(0, 0.5))) {
            rows = OntologyTable.rows(a, summary, RegionVolumes.measure(a, progress.slice(0.5, 1)));
        } finally {
            progress.done();
        }
        CsvTableWriter.write(out, OntologyTable.SCHEMA, rows);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %d regions%n", out, rows.size());
        o.flush();
        return 0;
    }
}

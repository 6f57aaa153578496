package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappedCell;
import org.neuroatlas.core.density.MappedCellTable;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.MappingStatus;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.register.AtlasTransform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroatlas map}: cells in sample µm to atlas regions, and cells per region. */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Map cells (x_um,y_um,z_um in the sample volume, e.g. from detect) to the atlas through a sample's transform: atlas µm, "
                + "region at the annotation's finest level (nearest atlas voxel), hemisphere and structure_id_path per cell; cells outside the "
                + "brain or the atlas are flagged in mapping_status, never dropped.",
            "Then count cells per region x hemisphere (left, right, both), own and with descendants, with the region's atlas volume and "
                    + "density. Both CSVs appear complete or not at all."})
final class MapCommand implements Callable<Integer> {

    @Option(names = "--cells", required = true, paramLabel = "CSV", description = "Cells with x_um,y_um,z_um in sample µm; other columns are copied.")
    Path cells;

    @Option(names = "--registration", required = true, paramLabel = "REGDIR",
            description = "Registration folder holding transform/ (or the transform folder itself, with transform.json).")
    Path registration;

    @Option(names = "--atlas", required = true, paramLabel = "DIR|demo", description = "The atlas the sample was registered to.")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Mapped cells to write.")
    Path out;

    @Option(names = "--counts", required = true, paramLabel = "CSV", description = "Region counts to write.")
    Path counts;

    @Option(names = "--sample-id", paramLabel = "ID", description = "Sample id in the counts (default: the cells' sample_id column if it holds "
            + "one value, else the cells file's name without .csv).")
    String sampleId;

    @Option(names = "--regions", paramLabel = "LEVEL", description = "Also list these regions when they have no cells: acronyms (VTA,SNc), "
            + "major, depth:N or all (default: only regions with cells).")
    String regions;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOutput("--out", out);
        checkOutput("--counts", counts);
        if (out.toAbsolutePath().normalize().equals(counts.toAbsolutePath().normalize())) {
            throw InputException.parameter("--counts", "is the same file as --out", "Give two different files");
        }
        CsvTable table = CsvTable.read(cells);
        CellPositions positions = CellPositions.from(table);
        String id = sampleId != null ? checkedSampleId(sampleId) : defaultSampleId(table);
        Path transformFolder = MappingRun.transformFolder(registration, "--registration");
        AtlasTransform transform = AtlasTransform.load(transformFolder);
        ConsoleProgress progress = ConsoleProgress.stderr("map", quiet);
        MappingRun.Sample mapped;
        List<Object[]> countRows;
        String atlasKey;
        try (Atlas a = atlasOptions.open(atlas, Progress.NONE)) {
            atlasKey = a.identity().key();
            List<Integer> requested = MappingRun.requestedRegions(a, regions, "--regions");
            mapped = MappingRun.map(a, id, positions, transform, transformFolder, progress.slice(0, 0.5));
            RegionVolumes volumes = RegionVolumes.measure(a, progress.slice(0.5, 1));
            countRows = mapped.countRows(a, volumes, requested);
            try {
                mapped.writeMapped(out, table, a);
            } catch (IOException e) {
                throw InputException.file(out, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
            }
        } finally {
            progress.done();
        }
        write(counts, RegionCounts.SCHEMA, countRows);
        print(spec.commandLine().getOut(), id, atlasKey, mapped.cells(), countRows.size());
        return 0;
    }

    private static void checkOutput(String option, Path p) {
        if (Files.isDirectory(p)) {
            throw InputException.parameter(option, p + " is a folder", "Give the path of the CSV file to write");
        }
    }

    private static String checkedSampleId(String id) {
        if (id.isBlank()) {
            throw InputException.parameter("--sample-id", "is empty", "Give the sample's id, e.g. --sample-id brain01");
        }
        return id.trim();
    }

    /** The table's single sample_id, else the file name without extension. */
    private String defaultSampleId(CsvTable table) {
        if (table.hasColumn("sample_id")) {
            Set<String> ids = new LinkedHashSet<>();
            for (int r = 0; r < table.size(); r++) {
                ids.add(table.get(r, "sample_id"));
            }
            if (ids.size() == 1 && !ids.iterator().next().isEmpty()) {
                return ids.iterator().next();
            }
            if (ids.size() > 1) {
                throw table.error("the sample_id column holds " + ids.size() + " different ids; the counts are per sample",
                        "Map one sample's cells at a time, or give --sample-id");
            }
        }
        String name = cells.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private static void write(Path file, TableSchema schema, List<Object[]> rows) {
        try {
            CsvTableWriter.write(file, schema, rows);
        } catch (IOException e) {
            throw InputException.file(file, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
        }
    }

    private void print(PrintWriter w, String id, String atlasKey, List<MappedCell> mapped, int countRows) {
        Map<MappingStatus, Integer> tally = new EnumMap<>(MappingStatus.class);
        for (MappedCell c : mapped) {
            tally.merge(c.status(), 1, Integer::sum);
        }
        w.printf(Locale.ROOT, "sample %s, atlas %s: %d cells%n", id, atlasKey, mapped.size());
        for (MappingStatus s : MappingStatus.values()) {
            w.printf(Locale.ROOT, "  %-14s %d%n", s.label(), tally.getOrDefault(s, 0));
        }
        w.printf(Locale.ROOT, "wrote %s%nwrote %s (%d rows)%n", out, counts, countRows);
        w.flush();
    }
}

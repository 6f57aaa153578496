package org.neuroatlas.core.density.fibre;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

/**
 * Fibre density of one sample as the CLI's {@code axons} and the Axon Density node run it: parse the settings as
 * typed, read the cells to exclude, measure ({@link FibreDensity#measure}) and make the rows of
 * {@link AxonDensityTable}. One place, so that both front ends parse, exclude somata and count alike. Errors name
 * the CLI parameter.
 */
public final class AxonDensityRun {

    /** The optional per-cell diameter column of a cells table, µm. */
    public static final String DIAMETER_UM = "diameter_um";
    /** The default fibre diameters as typed, {@code MIN,MAX} µm. */
    public static final String DEFAULT_FIBRE_DIAMETER_UM = "1,3";
    /** The default threshold as typed. */
    public static final String DEFAULT_THRESHOLD = "auto";
    /** The default chunk size as typed, {@code X,Y,Z} voxels. */
    public static final String DEFAULT_CHUNK_VOXELS = DetectionOptions.format(FibreSettings.DEFAULT_CHUNK);
    /** The default soma diameter, µm. */
    public static final double DEFAULT_CELL_DIAMETER_UM = 15;

    private AxonDensityRun() {
    }

    /**
     * Cells whose balls are excluded as somata.
     *
     * @param positions   cell centres in the sample volume's µm
     * @param diametersUm per cell diameter, µm (NaN = the settings' cell diameter), or null if the table has none
     */
    public record Cells(CellPositions positions, double[] diametersUm) {
    }

    /** What one sample's measurement gave. */
    public record Result(String sampleId, String atlasKey, FibreCounts counts, List<Object[]> rows) {
    }

    /**
     * The settings as the CLI's options and the node's settings type them.
     *
     * @param fibreDiameterUm {@code MIN,MAX} (or one diameter) in µm
     * @param threshold       {@code auto}, {@code auto:K} or an absolute ridge value (intensity units)
     * @param threads         worker threads, at least 1 (resolve "all cores" before)
     * @param chunkVoxels     {@code X,Y,Z} voxels
     * @throws InputException naming the CLI parameter of a bad value
     */
    public static FibreSettings settings(String fibreDiameterUm, String threshold, double widthFraction, double cellDiameterUm, int threads,
            String chunkVoxels) {
        double[] d = fibreDiameters(fibreDiameterUm);
        return new FibreSettings(d[0], d[1], threshold(threshold), widthFraction, cellDiameterUm, threads, DetectionOptions.parseChunkVoxels(chunkVoxels));
    }

    /** {@code MIN,MAX} or one diameter, µm; the range is checked by {@link FibreSettings}. */
    public static double[] fibreDiameters(String text) {
        String[] d = text == null ? new String[] {""} : text.trim().split("\\s*,\\s*");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(d[0]);
            hi = d.length > 1 ? Double.parseDouble(d[1]) : lo;
        } catch (NumberFormatException e) {
            throw InputException.parameter("--fibre-diameter-um", "'" + text + "' is not a diameter range", "Give MIN,MAX in µm, e.g. 1,3");
        }
        if (d.length > 2) {
            throw InputException.parameter("--fibre-diameter-um", "'" + text + "' has more than two numbers", "Give MIN,MAX in µm, e.g. 1,3");
        }
        return new double[] {lo, hi};
    }

    /** {@code auto} (K = {@link FibreSettings#DEFAULT_K}), {@code auto:K} or an absolute value. */
    public static Threshold threshold(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return t.equals("auto") ? Threshold.auto(FibreSettings.DEFAULT_K) : Threshold.parse(t);
    }

    /**
     * The cells of a table with {@code x_um}, {@code y_um}, {@code z_um} and optionally {@value #DIAMETER_UM}
     * (unparseable diameters mean the settings' cell diameter).
     */
    public static Cells cells(TextTable table) {
        CellPositions positions = CellPositions.from(table);
        double[] diameters = null;
        if (table.hasColumn(DIAMETER_UM)) {
            diameters = new double[table.size()];
            for (int r = 0; r < table.size(); r++) {
                diameters[r] = diameter(table.get(r, DIAMETER_UM));
            }
        }
        return new Cells(positions, diameters);
    }

    /**
     * The cells of a table with {@value MappingRun#SAMPLE_ID} per sample, samples in order of first appearance
     * (e.g. the Cell Detector's cells table).
     */
    public static Map<String, Cells> cellsBySample(TextTable table) {
        Map<String, int[]> bySample = MappingRun.rowsBySample(table);
        Cells all = cells(table);
        Map<String, Cells> out = new LinkedHashMap<>();
        bySample.forEach((id, rows) -> {
            double[] d = null;
            if (all.diametersUm() != null) {
                d = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    d[i] = all.diametersUm()[rows[i]];
                }
            }
            out.put(id, new Cells(MappingRun.subset(all.positions(), rows), d));
        });
        return out;
    }

    private static double diameter(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN; // the default diameter then
        }
    }

    /**
     * Measures the fibres of one open volume and makes its rows.
     *
     * @param volumePath      where {@code volume} was read from, named in reading errors
     * @param volumes         region volumes of {@code atlas}
     * @param transform       sample → atlas transform of this volume
     * @param transformFolder where {@code transform} was read from, named in the message on an atlas mismatch
     * @param cells           cells to exclude as somata in addition to the blob rule, or null
     */
    public static Result run(String sampleId, Volume<?> volume, Path volumePath, Atlas atlas, RegionVolumes volumes, AtlasTransform transform,
            Path transformFolder, Cells cells, FibreSettings settings, Progress progress) {
        String atlasKey = atlas.identity().key();
        FibreCounts counts;
        try {
            counts = FibreDensity.measure(volume, atlas, transform, transformFolder, cells == null ? null : cells.positions(),
                    cells == null ? null : cells.diametersUm(), settings, progress);
        } catch (UncheckedIOException e) {
            throw Volumes.readError(volumePath, e);
        }
        return new Result(sampleId, atlasKey, counts, AxonDensityTable.rows(sampleId, atlasKey, counts, atlas.ontology(), volumes));
    }
}

package org.neuroatlas.core.report;

import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The report's plots, each one {@link Figure} (PNG via {@link Figure#png()}, SVG via {@link Figure#svg()}). Every
 * plot is a pure function of its inputs: the same tables and atlas give the same SVG bytes.
 */
public final class Plots {

    /** Regions labelled by acronym in a volcano plot. */
    public static final int DEFAULT_VOLCANO_LABELS = 10;
    /** Regions (panels) in a bar chart. */
    public static final int DEFAULT_TOP_REGIONS = 8;
    /** Coronal slices per figure. */
    public static final int DEFAULT_SLICES = 6;

    private Plots() {
    }

    /**
     * Volcano plot of one contrast: x = log2 fold change, y = −log10 Welch p-value, points coloured by direction,
     * the {@link #DEFAULT_VOLCANO_LABELS} rows with the smallest q labelled.
     *
     * @throws InputException if the table has no rows of {@code contrast}
     */
    public static Figure volcano(ComparisonTable table, String contrast) {
        return VolcanoPlot.draw(table, contrast, DEFAULT_VOLCANO_LABELS);
    }

    /**
     * Bar chart of group means ± SEM with one dot per sample, for the {@code topRegions} regions of the contrast with
     * the smallest q-value (one panel each; {@code both} rows preferred over left/right).
     *
     * @param values     per-sample values (e.g. {@code count} or {@code density_per_mm3} per sample × region × side)
     * @param samples    sample → group; groups appear in dose order ({@link SampleSheet#groupsByDose()})
     * @param topRegions number of panels, ≥ 1
     */
    public static Figure groupBars(ComparisonTable table, String contrast, RegionValues values, SampleSheet samples, int topRegions) {
        if (topRegions < 1) {
            throw InputException.parameter("--top", "must be at least 1, not " + topRegions, null);
        }
        return GroupBarPlot.draw(table, contrast, values, samples, topRegions);
    }

    /**
     * Coronal atlas slices at {@code slices} AP positions, regions coloured by log2 fold change (diverging scale,
     * warm = up), non-significant regions grey, with a colour bar. Slices go first through the planes with the most
     * significant-region voxels (at least an {@code slices}-th of the atlas apart), the rest evenly over the middle 70 %
     * of the atlas; reads up to 66 annotation planes to find them.
     *
     * @param slices number of slices, 1–24
     */
    public static Figure coronalSlices(ComparisonTable table, String contrast, Atlas atlas, int slices) {
        if (slices < 1 || slices > 24) {
            throw InputException.parameter("--slices", "must be between 1 and 24, not " + slices, null);
        }
        RegionColouring colouring = new RegionColouring(table.rows(contrast), atlas.ontology());
        return CoronalSlices.draw(table, contrast, atlas, CoronalSlices.positions(atlas, slices, colouring));
    }

    /**
     * Coronal slices at given AP positions in atlas µm (0 = the first, most anterior annotation plane; rounded to the
     * nearest plane).
     *
     * @throws InputException if a position lies outside the atlas
     */
    public static Figure coronalSlicesAt(ComparisonTable table, String contrast, Atlas atlas, double... apUm) {
        long size = atlas.dimensions()[0];
        double voxel = atlas.voxelSizeUm().xUm();
        long[] idx = new long[apUm.length];
        for (int i = 0; i < apUm.length; i++) {
            idx[i] = Math.round(apUm[i] / voxel);
            if (idx[i] < 0 || idx[i] >= size) {
                throw InputException.parameter("AP position", apUm[i] + " µm is outside the atlas (0–" + (size - 1) * voxel + " µm)", null);
            }
        }
        return CoronalSlices.draw(table, contrast, atlas, idx);
    }

    /** A file-name-safe form of a contrast: lower case, runs of other characters than a–z, 0–9, '.', '-' become '_'. */
    public static String slug(String contrast) {
        String s = contrast.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.\\-]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "contrast" : s;
    }
}

package org.neuroatlas.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

/**
 * Writes a whole report folder: {@code plots/<plot>_<contrast>.png} and {@code .svg} for every contrast (volcano;
 * bar chart if values and samples are given; coronal slices if an atlas is given), then {@code report.html}. Each
 * file is written atomically and the report last, so a folder with a report.html is complete. Other files in the
 * folder are left alone.
 */
public final class ReportFolder {

    /** The report's file name inside the folder. */
    public static final String REPORT = "report.html";
    /** The plots' subfolder. */
    public static final String PLOTS = "plots";
    /** Plot kinds, as {@link Plot#kind()} names them. */
    public static final String VOLCANO = "volcano", BARS = "bars", CORONAL = "coronal";

    /**
     * What to plot.
     *
     * @param comparison the dose-comparison table (required)
     * @param values     per-sample region values for the bar charts, or null for none
     * @param samples    sample sheet (sample → group, dose order) for the bar charts, or null (then no bar charts)
     * @param atlas      atlas for the coronal slices, or null for none; its identity goes into the report
     * @param topRegions panels per bar chart (≥ 1)
     * @param slices     coronal slices per contrast (1–24)
     */
    public record Content(ComparisonTable comparison, RegionValues values, SampleSheet samples, Atlas atlas, int topRegions, int slices) {
    }

    private ReportFolder() {
    }

    /**
     * One figure with what it shows (for a table of plots, e.g. the Region Plot node's).
     *
     * @param contrast the contrast plotted, e.g. {@code ketamine-30 vs saline}
     * @param kind     {@link #VOLCANO}, {@link #BARS} or {@link #CORONAL}
     * @param figure   the drawing
     */
    public record Plot(String contrast, String kind, Figure figure) {
    }

    /** Every figure of {@code content}, in report order (per contrast: volcano, bars, slices). */
    public static List<Figure> figures(Content content, Progress progress) {
        return plots(content, progress).stream().map(Plot::figure).toList();
    }

    /** {@link #figures} with the contrast and kind of each. */
    public static List<Plot> plots(Content content, Progress progress) {
        List<Plot> out = new ArrayList<>();
        List<String> contrasts = content.comparison().contrasts();
        for (int i = 0; i < contrasts.size(); i++) {
            progress.checkCanceled();
            String c = contrasts.get(i);
            out.add(new Plot(c, VOLCANO, Plots.volcano(content.comparison(), c)));
            if (content.values() != null && content.samples() != null) {
                out.add(new Plot(c, BARS, Plots.groupBars(content.comparison(), c, content.values(), content.samples(), content.topRegions())));
            }
            if (content.atlas() != null) {
                out.add(new Plot(c, CORONAL, Plots.coronalSlices(content.comparison(), c, content.atlas(), content.slices())));
            }
            progress.report((i + 1.0) / contrasts.size(), c);
        }
        return out;
    }

    /**
     * Draws the plots, writes them and the report into {@code folder} (created if needed).
     *
     * @param page a report builder with title, parameters and input files already set; the comparison table, the
     *             figures and the atlas identity are added here
     * @return the files written, report last
     */
    public static List<Path> write(Path folder, Content content, HtmlReport.Builder page, Progress progress) throws IOException {
        List<Figure> figures = figures(content, progress.slice(0, 0.6));
        page.comparison(content.comparison());
        if (content.atlas() != null) {
            page.atlas(content.atlas().identity(), content.atlas().description());
        } else if (content.comparison().distinct("atlas").size() == 1) {
            // Without the atlas itself, the statistics table's atlas column still says which atlas the regions are of.
            page.atlas(content.comparison().distinct("atlas").get(0));
        }
        List<Path> written = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            progress.checkCanceled();
            Figure f = figures.get(i);
            // Two contrasts can share a slug ("a vs b" and "a/vs b"): number the later ones rather than overwrite.
            String name = f.name();
            for (int k = 2; !names.add(name); k++) {
                name = f.name() + "_" + k;
            }
            Path png = folder.resolve(PLOTS).resolve(name + ".png"), svg = folder.resolve(PLOTS).resolve(name + ".svg");
            f.writePng(png);
            f.writeSvg(svg);
            written.add(png);
            written.add(svg);
            page.figure(f.caption(), f);
            progress.report(0.6 + 0.4 * (i + 1) / figures.size(), null);
        }
        Path report = folder.resolve(REPORT);
        page.write(report);
        written.add(report);
        return written;
    }
}

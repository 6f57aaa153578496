package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.study.CohortComparison;
import org.neuroatlas.core.study.StudyPipeline;

/** What {@code run} and {@code demo} print when a cohort is through: each brain, then the regions up and down per contrast. */
final class CohortSummary {

    private CohortSummary() {
    }

    static void print(PrintWriter w, StudyPipeline.CohortResult r, double fdr, Path out) {
        for (StudyPipeline.SampleOutcome s : r.samples().samples()) {
            switch (s.status()) {
                case DONE -> w.printf(Locale.ROOT, "  %-20s %,d cells mapped (%.1f s)%n", s.sampleId(), s.cells(), s.seconds());
                case ALREADY_DONE -> w.printf(Locale.ROOT, "  %-20s done by an earlier run, kept%n", s.sampleId());
                case FAILED -> w.printf(Locale.ROOT, "  %-20s FAILED: %s%n", s.sampleId(), s.message());
            }
        }
        w.printf(Locale.ROOT, "regions up / down at q_welch < %s (%d brains in the statistics):%n", fdr, r.sheet().samples().size());
        contrasts(w, r.comparison());
        w.printf(Locale.ROOT, "wrote %s, %s, %s and %s/%n", out.resolve(StudyPipeline.COHORT_COUNTS), out.resolve(CohortComparison.DOSE_COMPARISON),
                out.resolve(ReportFolder.REPORT), out.resolve(ReportFolder.PLOTS));
        if (r.axons() != null) {
            w.printf(Locale.ROOT, "fibre fraction up / down at q_welch < %s:%n", fdr);
            contrasts(w, r.axons());
            Path report = out.resolve(CohortComparison.AXON_REPORT_FOLDER);
            w.printf(Locale.ROOT, "wrote %s, %s, %s and %s/%n", r.samples().axonTable(), out.resolve(CohortComparison.DOSE_COMPARISON_AXONS),
                    report.resolve(ReportFolder.REPORT), report.resolve(ReportFolder.PLOTS));
        }
        if (!r.samples().failed().isEmpty()) {
            w.printf(Locale.ROOT, "%d brain(s) failed and were left out; fix their input and run again: finished brains are kept.%n",
                    r.samples().failed().size());
        }
        w.flush();
    }

    private static void contrasts(PrintWriter w, DoseComparison.Result comparison) {
        for (DoseComparison.ContrastSummary c : comparison.summary()) {
            w.printf(Locale.ROOT, "  %-28s %-6s %4d up %4d down  (%d of %d tested)%n", c.contrast(), c.hemisphere(), c.up(), c.down(), c.tested(),
                    c.rows());
        }
    }
}

/**
 * Plots and the HTML report of a dose comparison (issue 8).
 * <p>
 * Inputs: the statistics step's {@link org.neuroatlas.core.report.ComparisonTable} (one row per region × hemisphere
 * × contrast), the per-sample {@link org.neuroatlas.core.stats.RegionValues} the statistics read, with the
 * {@link org.neuroatlas.core.study.SampleSheet} that gives their groups, and an {@link org.neuroatlas.core.atlas.Atlas}.
 * {@link org.neuroatlas.core.report.Plots} draws each plot as a {@link org.neuroatlas.core.report.Figure}: a list of
 * marks (rectangles, lines, circles, text, rasters) in figure units that one renderer writes as SVG text and another
 * paints with Java2D for PNG, so both outputs show the same thing and no plotting library is needed. SVG output is
 * byte-deterministic; PNG text depends on the machine's fonts.
 * {@link org.neuroatlas.core.report.HtmlReport} builds the self-contained page;
 * {@link org.neuroatlas.core.report.ReportFolder} writes plots and page into a folder (what {@code neuroatlas report}
 * does).
 */
package org.neuroatlas.core.report;

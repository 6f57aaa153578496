package org.neuroatlas.knime.tests.workflows;

import java.util.List;

import org.neuroatlas.knime.tests.workflows.WorkflowSpec.Type;

/**
 * The workflows under {@code example-workflows/}: the ketamine dose comparison (every pipeline node, on a cohort that
 * {@code ./neuroatlas simulate} makes) and two templates for users' own data. Their files are generated from these
 * specs by {@link WorkflowWriter}; {@code ExampleWorkflowsTest} checks the committed files against them.
 */
public final class ExampleWorkflows {

    static final String PKG = "org.neuroatlas.knime.";
    static final String VOLUME_READER = PKG + "volumereader.VolumeReaderNodeFactory";
    static final String CELL_DETECTOR = PKG + "celldetector.CellDetectorNodeFactory";
    static final String REGISTRATION = PKG + "atlasregistration.AtlasRegistrationNodeFactory";
    static final String MAPPER = PKG + "atlasmapper.AtlasMapperNodeFactory";
    static final String AXON_DENSITY = PKG + "axondensity.AxonDensityNodeFactory";
    static final String STATISTICS = PKG + "groupstatistics.GroupStatisticsNodeFactory";
    static final String REGION_PLOT = PKG + "regionplot.RegionPlotNodeFactory";

    /** Workflow variable names: the inputs of every example, set in KNIME or with {@code -workflow.variable}. */
    static final String SAMPLE_SHEET = "sample_sheet";
    static final String ATLAS = "atlas_folder";
    static final String OUTPUT = "output_folder";
    static final String CONTROL = "control_group";
    static final String CELL_DIAMETER = "cell_diameter_um";

    /** Defaults relative to the workflow's folder, so a copied workflow still finds its sheet and writes next to it. */
    static final String SHEET_IN_WORKFLOW = "knime://knime.workflow/data/samples.csv";
    static final String OUTPUT_IN_WORKFLOW = "knime://knime.workflow/data/registrations";
    /** Templates look for the atlas in their data folder too (e.g. {@code ./neuroatlas atlas fetch … --dest <workflow>/data/atlas}). */
    static final String ATLAS_IN_WORKFLOW = "knime://knime.workflow/data/atlas";

    /**
     * Group Statistics on fibre fractions as {@code run --axons} sets it (CohortComparison): no pseudo-count (a
     * region that is imaged always has a fraction, of a few 10⁻³, which a pseudo-count of 1 would drown), and a region
     * missing from a brain's table was not imaged there, so it is skipped rather than zero.
     */
    static final double FIBRE_FRACTION_PSEUDO_COUNT = 0;
    static final String FIBRE_FRACTION_MISSING = "skip";

    private ExampleWorkflows() {
    }

    public static List<WorkflowSpec> all() {
        return List.of(ketamineDoseComparison(), cellCountingTemplate(), axonDensityTemplate());
    }

    /**
     * Every NeuroAtlas pipeline node on the example cohort. The cohort is simulated at 50 µm so that it is small
     * (about 0.5 GB for 9 brains); at 50 µm a 15 µm soma is not resolved, so the detector's cell diameter is set to
     * 150 µm (it then counts clusters of cells) — the variable to change for real data.
     */
    static WorkflowSpec ketamineDoseComparison() {
        return WorkflowSpec.builder("ketamine-dose-comparison")
                .variable(SAMPLE_SHEET, Type.STRING, SHEET_IN_WORKFLOW)
                .variable(ATLAS, Type.STRING, "demo")
                .variable(OUTPUT, Type.STRING, OUTPUT_IN_WORKFLOW)
                .variable(CONTROL, Type.STRING, "saline")
                .variable(CELL_DIAMETER, Type.DOUBLE, "150")
                .node(1, VOLUME_READER, 60, 260, "Sample sheet → one row\nper brain and channel").bind("path", SAMPLE_SHEET)
                .node(2, CELL_DETECTOR, 260, 120, "TH+ cell bodies\n(signal channel)").bind("cell_diameter_um", CELL_DIAMETER)
                .node(3, REGISTRATION, 260, 400, "Autofluorescence →\natlas (CCF)").bind("atlas", ATLAS).bind("output_folder", OUTPUT)
                .node(4, MAPPER, 460, 120, "Cells → regions,\ncounts per region").bind("atlas", ATLAS)
                .node(5, AXON_DENSITY, 460, 400, "Fibre fraction\nper region").bind("atlas", ATLAS)
                .node(6, STATISTICS, 660, 120, "Cell counts:\ndoses vs control").bind("control_group", CONTROL)
                .node(7, STATISTICS, 660, 400, "Fibre fraction:\ndoses vs control").bind("control_group", CONTROL)
                .set("value_column", "fibre_fraction").set("pseudo_count", FIBRE_FRACTION_PSEUDO_COUNT).set("missing", FIBRE_FRACTION_MISSING)
                .node(8, REGION_PLOT, 860, 120, "Volcano, bars,\ncoronal slices").bind("atlas", ATLAS)
                .node(9, REGION_PLOT, 860, 400, "Volcano, bars,\ncoronal slices").bind("atlas", ATLAS)
                .link(1, 0, 2, 0).link(1, 0, 3, 0)
                .link(2, 0, 4, 0).link(3, 0, 4, 1)
                .link(1, 0, 5, 0).link(3, 0, 5, 1)
                .link(4, 1, 6, 0).link(1, 0, 6, 1)
                .link(5, 0, 7, 0).link(1, 0, 7, 1)
                .link(6, 0, 8, 0).link(4, 1, 8, 1).link(1, 0, 8, 2)
                .link(7, 0, 9, 0).link(5, 0, 9, 1).link(1, 0, 9, 2)
                .note("""
                        Ketamine dose comparison: TH+ (dopamine) cells and axons per brain region, saline vs 30 and 100 mg/kg.

                        Before the first run, make the example cohort (9 brains at 50 µm, 0.5 GB) in this workflow's data folder (README, "Example workflows"):
                          ./neuroatlas simulate --atlas demo --scenario ketamine --n-per-group 3 --voxel-size 50,50,50 --out <this workflow>/data/cohort

                        Inputs are workflow variables (set them in KNIME, or with -workflow.variable=name,value,type in batch):
                        • sample_sheet: the sample sheet CSV (sample_id, group, dose_mg_kg, signal_path, autofluorescence_path, orientation); default data/samples.csv here.
                        • atlas_folder: demo (the built-in demo atlas the cohort was simulated on) or an Allen CCFv3 folder.
                        • output_folder: where the registration folders go (one per brain); default data/registrations here.
                        • control_group: the group every dose is compared with.
                        • cell_diameter_um: 150 for the coarse 50 µm example cohort (it counts clusters of cells); 15 for real data at 2–5 µm.
                        Paths are absolute or knime:// URLs (knime://knime.workflow/… is this workflow's folder).""",
                        40, 560, 1000, 240)
                .note("1  Read: headers only; voxels are read block by block later.", 20, 20, 200, 60)
                .note("2  Detect cells in the signal channel (chunked, exact at chunk borders).\n"
                        + "3  Register the autofluorescence channel to the atlas (rigid → affine → demons).", 240, 20, 200, 80)
                .note("4  Map cells into atlas space: counts and densities per region × hemisphere.\n"
                        + "5  Axon density: fibre fraction per region, somata left out by size (as run --axons).", 440, 20, 200, 80)
                .note("6, 7  Group statistics: Welch t, Mann–Whitney, ANOVA, Kruskal–Wallis, dose trend, BH q per contrast.\n"
                        + "8, 9  Plots: volcano, top-region bars, coronal slices coloured by log2 fold change.", 640, 20, 320, 80)
                .build();
    }

    /** The inputs every template reads, as its annotation explains them. */
    static final String TEMPLATE_INPUTS = """
            Put the inputs in this workflow's data folder, or point the workflow variables elsewhere (absolute paths or knime:// URLs):
            • sample_sheet (default data/samples.csv): sample_id, group, dose_mg_kg, signal_path, autofluorescence_path, and voxel_um_x/y/z
              and orientation unless the files carry them; relative paths resolve against the sheet's folder.
            • atlas_folder (default data/atlas): an Allen CCFv3 folder, e.g. ./neuroatlas atlas fetch allen-ccf-2017 --resolution 25 --dest <this workflow>/data/atlas
            • output_folder (default data/registrations): one registration folder per brain.
            • control_group: the control as named in the sheet's group column.
            """;

    /** A template under {@code templates/}: its data-folder inputs as workflow variables. */
    private static WorkflowSpec.Builder template(String name) {
        return WorkflowSpec.builder("templates/" + name)
                .variable(SAMPLE_SHEET, Type.STRING, SHEET_IN_WORKFLOW)
                .variable(ATLAS, Type.STRING, ATLAS_IN_WORKFLOW)
                .variable(OUTPUT, Type.STRING, OUTPUT_IN_WORKFLOW)
                .variable(CONTROL, Type.STRING, "saline");
    }

    /** Cells of any type per region, two or more groups: the cell branch of the example with real-data defaults. */
    static WorkflowSpec cellCountingTemplate() {
        return template("cell-counting-per-region")
                .variable(CELL_DIAMETER, Type.DOUBLE, "15")
                .node(1, VOLUME_READER, 60, 200, "Sample sheet").bind("path", SAMPLE_SHEET)
                .node(2, CELL_DETECTOR, 240, 100, "Cell bodies").bind("cell_diameter_um", CELL_DIAMETER)
                .node(3, REGISTRATION, 240, 300, "Brain → atlas").bind("atlas", ATLAS).bind("output_folder", OUTPUT)
                .node(4, MAPPER, 420, 200, "Counts per region").bind("atlas", ATLAS)
                .node(5, STATISTICS, 600, 200, "Groups vs control").bind("control_group", CONTROL)
                .node(6, REGION_PLOT, 780, 200, "Plots").bind("atlas", ATLAS)
                .link(1, 0, 2, 0).link(1, 0, 3, 0)
                .link(2, 0, 4, 0).link(3, 0, 4, 1)
                .link(4, 1, 5, 0).link(1, 0, 5, 1)
                .link(5, 0, 6, 0).link(4, 1, 6, 1).link(1, 0, 6, 2)
                .note("Cells per region for any cell type and two or more groups.\n" + TEMPLATE_INPUTS
                        + "• cell_diameter_um: typical soma diameter.\n"
                        + "Open Cell Detector for the threshold and size filters; Group Statistics compares every other group with the control.",
                        40, 420, 1000, 150)
                .build();
    }

    /** Fibre (axon) density per region: the axon branch of the example with real-data defaults. */
    static WorkflowSpec axonDensityTemplate() {
        return template("axon-density-per-region")
                .node(1, VOLUME_READER, 60, 200, "Sample sheet").bind("path", SAMPLE_SHEET)
                .node(2, REGISTRATION, 240, 300, "Brain → atlas").bind("atlas", ATLAS).bind("output_folder", OUTPUT)
                .node(3, AXON_DENSITY, 420, 200, "Fibre fraction\nper region").bind("atlas", ATLAS)
                .node(4, STATISTICS, 600, 200, "Groups vs control").bind("control_group", CONTROL)
                .set("value_column", "fibre_fraction").set("pseudo_count", FIBRE_FRACTION_PSEUDO_COUNT).set("missing", FIBRE_FRACTION_MISSING)
                .node(5, REGION_PLOT, 780, 200, "Plots").bind("atlas", ATLAS)
                .link(1, 0, 2, 0)
                .link(1, 0, 3, 0).link(2, 0, 3, 1)
                .link(3, 0, 4, 0).link(1, 0, 4, 1)
                .link(4, 0, 5, 0).link(3, 0, 5, 1).link(1, 0, 5, 2)
                .note("Axon (fibre) density per region for two or more groups.\n" + TEMPLATE_INPUTS
                        + "Axon Density leaves cell bodies out by size. A Cell Detector's cells at its third port are left out too, but where cells are sparse "
                        + "the detector also fires on bright fibres, which then go missing.",
                        40, 420, 1000, 150)
                .build();
    }
}

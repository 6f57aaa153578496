package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The demo's simulated cohort, imaged the way a lab short of time would image it: the autofluorescence of each whole
 * brain at a coarse voxel size (enough to register it to the atlas), and the stained channel at a voxel size that
 * resolves somata but only around the midbrain dopamine groups whose loss is the study's headline (VTA and SNc; the
 * hypothalamic groups that go up lie millimetres away and would multiply the demo's voxels). Both come from the same simulated brains (same seed, same pose), so
 * the box's first voxel has a known place in the whole brain's frame: the {@link SampleInput#signalOffsetUm()}.
 */
public final class DemoCohort {

    /**
     * The stained channel's crop: the box around VTA and SNc in each posed brain, with a margin, so both regions
     * are imaged whole in every brain (a fixed atlas-space box would cut them differently in each pose).
     */
    public static final String SIGNAL_CROP = "VTA,SNc";
    /** Coarse enough to simulate a whole brain in seconds, fine enough for registration at 100 µm. */
    public static final VoxelSize WHOLE_BRAIN_VOXEL_UM = new VoxelSize(50, 50, 50);
    public static final String WHOLE = "whole-brain";
    public static final String SIGNAL = "signal-box";

    /**
     * @param scenario   built-in scenario name or scenario file
     * @param nPerGroup  brains per group
     * @param signalVoxelUm voxel size of the stained channel, µm
     */
    public record Settings(String atlas, OptionalDouble atlasResolutionUm, String scenario, int nPerGroup, VoxelSize signalVoxelUm, long seed,
            int threads) {
    }

    /**
     * How the cohort is imaged.
     *
     * @param wholeBrainVoxelUm voxel size of the whole brains' autofluorescence, µm
     * @param signalCrop        the stained channel's crop, as {@code ./neuroatlas simulate --crop} takes it (region
     *                          acronyms, or {@code box:AP0,DV0,LR0,AP1,DV1,LR1} in atlas µm)
     * @param fibres            whether the stained channel has fibres (slower; resolved at about 2 µm voxels)
     * @param cellsScale        multiplier of every cell density (below 1: faster, for tests of what is not cells)
     */
    public record Imaging(VoxelSize wholeBrainVoxelUm, String signalCrop, boolean fibres, double cellsScale) {

        /** The demo's: whole brains at {@link DemoCohort#WHOLE_BRAIN_VOXEL_UM}, the stained channel around {@value DemoCohort#SIGNAL_CROP}, no fibres. */
        public static final Imaging DEMO = new Imaging(WHOLE_BRAIN_VOXEL_UM, SIGNAL_CROP, false, 1);
    }

    /**
     * @param inputs the pipeline's inputs, one per brain
     * @param sheet  the cohort's sample sheet (groups and doses)
     * @param sheetFile the stained cohort's sample sheet file (groups and doses, checksummed in the report)
     * @param truth  the ground-truth region table of the stained box ({@code cells_in_image} per region)
     */
    public record Cohort(List<SampleInput> inputs, SampleSheet sheet, Path sheetFile, Path truth) {
    }

    private DemoCohort() {
    }

    /** Simulates both cohorts under {@code dir} ({@value #WHOLE}/ and {@value #SIGNAL}/), imaged as the demo images them. */
    public static Cohort simulate(Settings s, Path dir, Progress progress) throws IOException {
        return simulate(s, Imaging.DEMO, dir, progress);
    }

    /** Simulates both cohorts under {@code dir} ({@value #WHOLE}/ and {@value #SIGNAL}/), imaged as {@code imaging} says. */
    public static Cohort simulate(Settings s, Imaging imaging, Path dir, Progress progress) throws IOException {
        Orientation psl = Orientation.parse(SimulationSettings.DEFAULT_ORIENTATION, "--orientation");
        SimulationSettings whole = new SimulationSettings(s.atlas(), s.atlasResolutionUm(), s.scenario(), s.nPerGroup(), imaging.wholeBrainVoxelUm(),
                psl, s.seed(), "", imaging.cellsScale(), false, s.threads());
        progress.report(0, "Simulating the whole brains' autofluorescence at " + imaging.wholeBrainVoxelUm() + " µm");
        CohortSimulator.Cohort w = CohortSimulator.run(whole, dir.resolve(WHOLE), progress.slice(0, 0.3));
        SimulationSettings box = new SimulationSettings(s.atlas(), s.atlasResolutionUm(), s.scenario(), s.nPerGroup(), s.signalVoxelUm(), psl,
                s.seed(), imaging.signalCrop(), imaging.cellsScale(), imaging.fibres(), s.threads());
        progress.report(0.3, "Simulating the stained channel at " + s.signalVoxelUm() + " µm in " + imaging.signalCrop());
        CohortSimulator.Cohort b = CohortSimulator.run(box, dir.resolve(SIGNAL), progress.slice(0.3, 1));
        List<SampleInput> inputs = new ArrayList<>();
        for (int i = 0; i < b.brains().size(); i++) {
            CohortSimulator.BrainSummary brain = b.brains().get(i);
            Sample signal = b.sampleSheet().samples().get(i);
            Sample af = w.sampleSheet().samples().get(i);
            double[] offset = new double[3];
            for (int d = 0; d < 3; d++) {
                offset[d] = brain.origin()[d] * s.signalVoxelUm().um(d);
            }
            inputs.add(new SampleInput(signal.sampleId(), signal.group(), signal.doseMgKg(), signal.channels().get(SampleSheet.SIGNAL),
                    read(signal), af.channels().get(SampleSheet.AUTOFLUORESCENCE), read(af), offset));
        }
        return new Cohort(inputs, b.sampleSheet(), dir.resolve(SIGNAL).resolve(CohortSimulator.SAMPLE_SHEET),
                dir.resolve(SIGNAL).resolve(CohortSimulator.REGION_TRUTH));
    }

    private static ReadOptions read(Sample s) {
        return ReadOptions.defaults().withVoxelSize(s.voxelSizeUm().orElseThrow()).withOrientation(s.orientation().orElseThrow());
    }
}

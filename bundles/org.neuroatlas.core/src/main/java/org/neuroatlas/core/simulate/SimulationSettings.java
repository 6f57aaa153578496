package org.neuroatlas.core.simulate;

import java.util.OptionalDouble;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Everything that determines a simulated cohort. The same settings and seed give byte-identical files, whatever the
 * thread count. Parameter names in errors are the CLI's ({@code --n-per-group} …); the KNIME node uses the same
 * names without dashes.
 *
 * @param atlas             atlas folder, or {@code demo} for the built-in synthetic atlas
 * @param atlasResolutionUm annotation resolution to use when the folder has several (empty: the finest; 100 for demo)
 * @param scenario          built-in scenario name ({@code null}, {@code ketamine}) or scenario JSON file
 * @param nPerGroup         brains per group (≥ 1)
 * @param voxelSizeUm       voxel size of the simulated light-sheet volumes, µm
 * @param orientation       orientation code of the written volumes (BrainGlobe letters, e.g. {@code psl})
 * @param seed              seed of everything random
 * @param crop              empty for whole brains; region acronyms ({@code VTA,SNc}); or an atlas-space box
 *                          {@code box:AP0,DV0,LR0,AP1,DV1,LR1} in atlas µm (see {@link Crop})
 * @param cellsScale        multiplies every cell density (e.g. 0.1 for fast tests, 1 for the scenario's numbers)
 * @param fibres            whether to draw fibres (costly where they are dense)
 * @param threads           planes rendered in parallel (≥ 1); does not change the output
 */
public record SimulationSettings(String atlas, OptionalDouble atlasResolutionUm, String scenario, int nPerGroup, VoxelSize voxelSizeUm,
        Orientation orientation, long seed, String crop, double cellsScale, boolean fibres, int threads) {

    /**
     * 5 µm isotropic: the coarse end of whole-brain light-sheet scans (ClearMap-style 4–5 µm), where somata span 2–5
     * voxels; a whole simulated brain is then about 22 GB per channel. Finer sizes work the same, in proportion.
     */
    public static final VoxelSize DEFAULT_VOXEL_SIZE_UM = new VoxelSize(5, 5, 5);
    /** Default orientation of the simulated volumes: planes run posterior → anterior, as in brainreg's test data. */
    public static final String DEFAULT_ORIENTATION = "psl";
    public static final int DEFAULT_N_PER_GROUP = 6;
    public static final long DEFAULT_SEED = 1;

    public SimulationSettings {
        if (atlas == null || atlas.isBlank()) {
            throw InputException.parameter("--atlas", "is missing", "Give an atlas folder, or demo for the built-in atlas");
        }
        if (scenario == null || scenario.isBlank()) {
            throw InputException.parameter("--scenario", "is missing", "Give ketamine, null, or a scenario JSON file");
        }
        if (nPerGroup < 1 || nPerGroup > 1000) {
            throw InputException.parameter("--n-per-group", "must be between 1 and 1000, not " + nPerGroup, null);
        }
        if (voxelSizeUm == null) {
            throw InputException.parameter("--voxel-size", "is missing", "Give X,Y,Z in µm, e.g. 4,4,5");
        }
        for (int d = 0; d < 3; d++) {
            if (voxelSizeUm.um(d) < 0.5 || voxelSizeUm.um(d) > 50) {
                throw InputException.parameter("--voxel-size", "must be between 0.5 and 50 µm per axis (somata are 10–25 µm), not " + voxelSizeUm,
                        "Give X,Y,Z in µm, e.g. 4,4,5");
            }
        }
        if (orientation == null) {
            throw InputException.parameter("--orientation", "is missing", "Give a BrainGlobe orientation code, e.g. psl");
        }
        if (!(cellsScale >= 0 && cellsScale <= 100)) {
            throw InputException.parameter("--cells-scale", "must be between 0 and 100, not " + cellsScale, "1 keeps the scenario's densities");
        }
        if (threads < 1) {
            throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
        }
        crop = crop == null ? "" : crop.trim();
        atlasResolutionUm = atlasResolutionUm == null ? OptionalDouble.empty() : atlasResolutionUm;
    }

    /** Defaults: demo atlas, ketamine scenario, 6 per group, 5,5,5 µm, psl, seed 1, whole brains, all cores. */
    public static SimulationSettings defaults() {
        return new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", DEFAULT_N_PER_GROUP, DEFAULT_VOXEL_SIZE_UM,
                Orientation.parse(DEFAULT_ORIENTATION, "--orientation"), DEFAULT_SEED, "", 1, true, Runtime.getRuntime().availableProcessors());
    }

    public SimulationSettings withCrop(String newCrop) {
        return new SimulationSettings(atlas, atlasResolutionUm, scenario, nPerGroup, voxelSizeUm, orientation, seed, newCrop, cellsScale, fibres,
                threads);
    }

    public SimulationSettings withThreads(int newThreads) {
        return new SimulationSettings(atlas, atlasResolutionUm, scenario, nPerGroup, voxelSizeUm, orientation, seed, crop, cellsScale, fibres,
                newThreads);
    }
}

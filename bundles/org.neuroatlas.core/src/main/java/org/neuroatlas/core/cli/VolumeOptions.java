package org.neuroatlas.core.cli;

import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Option;

/** The options every command that reads a volume shares. */
final class VolumeOptions {

    @Option(names = "--voxel-size", paramLabel = "X,Y,Z",
            description = "Voxel size in µm along columns, rows, planes; overrides the file's metadata (required if the file has none).")
    String voxelSize;

    @Option(names = "--orientation", paramLabel = "CODE",
            description = "BrainGlobe orientation code of the volume's planes, rows, columns, e.g. psl (planes posterior→anterior, "
                    + "rows superior→inferior, columns left→right).")
    String orientation;

    @Option(names = "--glob", paramLabel = "PATTERN", description = "For a folder of planes: only files whose names match, e.g. 'ch0*.tif'.")
    String glob;

    @Option(names = {"--setup", "--channel"}, paramLabel = "N", defaultValue = "0",
            description = "BigDataViewer setup id or Imaris channel index (default: ${DEFAULT-VALUE}).")
    int setup;

    @Option(names = "--timepoint", paramLabel = "N", defaultValue = "0", description = "Timepoint index for HDF5 formats (default: ${DEFAULT-VALUE}).")
    int timepoint;

    @Option(names = "--level", paramLabel = "N", defaultValue = "0",
            description = "Resolution level for multi-resolution HDF5 files, 0 = full resolution (default: ${DEFAULT-VALUE}).")
    int level;

    ReadOptions toReadOptions() {
        ReadOptions o = ReadOptions.defaults().withSetup(setup).withTimepoint(timepoint).withLevel(level);
        if (voxelSize != null) {
            o = o.withVoxelSize(VoxelSize.parse(voxelSize, "--voxel-size"));
        }
        if (orientation != null) {
            o = o.withOrientation(Orientation.parse(orientation, "--orientation"));
        }
        if (glob != null) {
            o = o.withGlob(glob);
        }
        return o;
    }
}

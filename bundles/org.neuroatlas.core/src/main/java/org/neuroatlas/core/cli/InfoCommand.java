package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.Volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas info PATH}: what a volume is, from its header only. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a volume's format, size, pixel type, voxel size, orientation and bytes, reading its header only.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "A TIFF file, a folder of TIFF planes, a .nrrd/.nhdr, a BigDataViewer .xml/.h5 or an Imaris .ims.")
    Path path;

    @Mixin
    VolumeOptions volume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VolumeHeader h = Volumes.readHeader(path, volume.toReadOptions());
        PrintWriter out = spec.commandLine().getOut();
        long[] d = h.dimensions();
        out.printf(Locale.ROOT, "path:         %s%n", h.path().toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "format:       %s%n", h.format());
        out.printf(Locale.ROOT, "size:         %d × %d × %d voxels (x × y × z)%n", d[0], d[1], d[2]);
        out.printf(Locale.ROOT, "pixel type:   %s%n", h.pixelType());
        out.printf(Locale.ROOT, "voxel size:   %s%n",
                h.voxelSizeUm().map(v -> v + " µm (x,y,z)").orElse("unknown — give it with --voxel-size X,Y,Z (µm)"));
        out.printf(Locale.ROOT, "orientation:  %s%n", h.orientation().map(o -> o.code()).orElse("unknown — give it with --orientation"));
        out.printf(Locale.ROOT, "bytes:        %,d uncompressed (%s); %s on disk%n", h.bytes(), human(h.bytes()), human(h.fileBytes()));
        h.voxelSizeUm().ifPresent(v -> out.printf(Locale.ROOT, "extent:       %.3f × %.3f × %.3f mm%n", d[0] * v.xUm() / 1000,
                d[1] * v.yUm() / 1000, d[2] * v.zUm() / 1000));
        for (Map.Entry<String, String> e : h.details().entrySet()) {
            out.printf(Locale.ROOT, "%-13s %s%n", e.getKey() + ":", e.getValue());
        }
        out.flush();
        return 0;
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

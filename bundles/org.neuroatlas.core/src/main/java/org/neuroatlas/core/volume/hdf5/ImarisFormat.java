package org.neuroatlas.core.volume.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeFormat;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.LengthUnits;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;

/**
 * Imaris {@code .ims} files (HDF5): {@code /DataSet/ResolutionLevel L/TimePoint T/Channel C/Data}, stored z, y, x as
 * uint8, uint16, uint32 or float32.
 * <p>
 * Imaris pads the datasets to whole chunks, so a dataset may be larger than the image: the true size is read from
 * the channel group's {@code ImageSizeX/Y/Z} attributes (for level 0 also {@code /DataSetInfo/Image} {@code X, Y, Z})
 * and only that part is exposed. The voxel size in µm is the image extent ({@code ExtMax0..2 − ExtMin0..2} of
 * {@code /DataSetInfo/Image}, in its {@code Unit}) divided by the level's size. Imaris writes all these attributes
 * as arrays of one-character strings; see {@link Hdf5Attributes}.
 * <p>
 * {@link ReadOptions#setup()} is the channel index, {@link ReadOptions#timepoint()} the timepoint index and
 * {@link ReadOptions#level()} the resolution level.
 */
public final class ImarisFormat implements VolumeFormat {

    private static final Pattern LEVEL = Pattern.compile("ResolutionLevel (\\d+)");
    private static final Pattern TIMEPOINT = Pattern.compile("TimePoint (\\d+)");
    private static final Pattern CHANNEL = Pattern.compile("Channel (\\d+)");

    @Override
    public String name() {
        return "imaris";
    }

    @Override
    public boolean canOpen(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ims") && Files.isRegularFile(path);
    }

    @Override
    public VolumeHeader readHeader(Path path, ReadOptions options) throws IOException {
        try (HdfFile f = Hdf5Volumes.openFile(path)) {
            return select(f, path, options).header;
        } catch (HdfException e) {
            throw Hdf5Volumes.damaged(path, e);
        }
    }

    @Override
    public Volume<?> open(Path path, ReadOptions options, VolumeHeader header) throws IOException {
        HdfFile f = Hdf5Volumes.openFile(path);
        try {
            Selection s = select(f, path, options);
            String name = path.getFileName() + " channel " + options.setup() + " timepoint " + options.timepoint()
                    + (options.level() > 0 ? " level " + options.level() : "");
            return Hdf5Volumes.lazyVolume(f, s.dataset, s.type, header, options, name);
        } catch (HdfException e) {
            f.close();
            throw Hdf5Volumes.damaged(path, e);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private record Selection(Dataset dataset, PixelType type, VolumeHeader header) {
    }

    private Selection select(HdfFile f, Path path, ReadOptions o) throws IOException {
        Group dataSet = group(f, "DataSet");
        if (dataSet == null) {
            throw InputException.file(path, "is not an Imaris file (it has no /DataSet group)",
                    "Give an .ims file written by Imaris or the Imaris file converter");
        }
        Group levelGroup = pick(path, dataSet, LEVEL, o.level(), "resolution level", "0 = full resolution");
        Group tpGroup = pick(path, levelGroup, TIMEPOINT, o.timepoint(), "timepoint", "the timepoint option");
        Group channel = pick(path, tpGroup, CHANNEL, o.setup(), "channel", "the channel (setup) option");
        Node data = channel.getChild("Data");
        if (!(data instanceof Dataset ds) || ds.getDimensions().length != 3) {
            throw InputException.file(path, pathOf(channel) + " has no 3-D Data dataset",
                    "The file is incomplete or not an Imaris image; export it again");
        }
        PixelType type = Hdf5Types.pixelType(ds, false, path);
        Group image = group(f, "DataSetInfo/Image");
        Map<String, String> d = new LinkedHashMap<>();

        long[] stored = ds.getDimensionsAsLong();
        long[] storedXyz = {stored[2], stored[1], stored[0]};
        long[] dims = trueSize(channel, o.level() == 0 ? image : null, storedXyz, d);
        for (int i = 0; i < 3; i++) {
            if (dims[i] < 1 || dims[i] > storedXyz[i]) {
                throw InputException.file(path, "says its image is " + dims[0] + "×" + dims[1] + "×" + dims[2] + " voxels but "
                        + ds.getPath() + " holds only " + storedXyz[0] + "×" + storedXyz[1] + "×" + storedXyz[2],
                        "The file is damaged or incomplete; export it again");
            }
        }
        Optional<VoxelSize> voxelSize = voxelSize(image, dims, d);

        Map<String, String> details = new LinkedHashMap<>();
        Hdf5Attributes.text(f, "ImarisVersion").ifPresent(v -> details.put("Imaris version", v));
        Hdf5Attributes.text(group(f, "DataSetInfo/Channel " + o.setup()), "Name")
                .ifPresent(n -> details.put("channel name", n));
        details.put("channel", o.setup() + " of " + ids(tpGroup, CHANNEL).size());
        details.put("timepoint", o.timepoint() + " of " + ids(levelGroup, TIMEPOINT).size());
        details.put("level", o.level() + " of " + ids(dataSet, LEVEL).size());
        details.put("stored size", storedXyz[0] + "×" + storedXyz[1] + "×" + storedXyz[2] + " (padded to whole chunks)");
        details.put("storage", Hdf5Volumes.storage(ds));
        details.putAll(d);
        VolumeHeader h = new VolumeHeader(path, name(), dims, type, voxelSize, Optional.empty(), Files.size(path), details);
        return new Selection(ds, type, h);
    }

    /** The image size without padding: the channel's ImageSize attributes, else DataSetInfo/Image X, Y, Z (level 0). */
    private static long[] trueSize(Group channel, Group image, long[] storedXyz, Map<String, String> d) {
        long[] fromChannel = sizes(channel, "ImageSizeX", "ImageSizeY", "ImageSizeZ");
        if (fromChannel != null) {
            return fromChannel;
        }
        long[] fromImage = sizes(image, "X", "Y", "Z");
        if (fromImage != null) {
            return fromImage;
        }
        d.put("size note", "no ImageSize attributes; the stored (possibly padded) size is used");
        return storedXyz;
    }

    private static long[] sizes(Node node, String x, String y, String z) {
        OptionalDouble[] v = {Hdf5Attributes.number(node, x), Hdf5Attributes.number(node, y), Hdf5Attributes.number(node, z)};
        if (v[0].isEmpty() || v[1].isEmpty() || v[2].isEmpty()) {
            return null;
        }
        return new long[] {(long) v[0].getAsDouble(), (long) v[1].getAsDouble(), (long) v[2].getAsDouble()};
    }

    /** Extent / size per axis, converted from the file's unit to µm. */
    private static Optional<VoxelSize> voxelSize(Group image, long[] dims, Map<String, String> d) {
        double[] um = new double[3];
        String unit = Hdf5Attributes.text(image, "Unit").orElse("");
        double scale = 1;
        if (unit.isEmpty()) {
            d.put("unit", "µm (assumed: the file states no unit)");
        } else {
            OptionalDouble s = LengthUnits.micronsPer(unit);
            if (s.isEmpty()) {
                d.put("voxel size note", "unit '" + unit + "' is not a length unit; voxel size unknown");
                return Optional.empty();
            }
            scale = s.getAsDouble();
            d.put("unit", unit);
        }
        StringBuilder extents = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            OptionalDouble min = Hdf5Attributes.number(image, "ExtMin" + i);
            OptionalDouble max = Hdf5Attributes.number(image, "ExtMax" + i);
            if (min.isEmpty() || max.isEmpty()) {
                d.put("voxel size note", "no ExtMin/ExtMax attributes in /DataSetInfo/Image; voxel size unknown");
                return Optional.empty();
            }
            double extent = max.getAsDouble() - min.getAsDouble();
            um[i] = extent * scale / dims[i];
            extents.append(i == 0 ? "" : ", ").append("xyz".charAt(i)).append(' ').append(min.getAsDouble()).append(" … ")
                    .append(max.getAsDouble());
            if (!(um[i] > 0) || Double.isInfinite(um[i])) {
                d.put("voxel size note", "the extent along " + "xyz".charAt(i) + " is not positive; voxel size unknown");
                return Optional.empty();
            }
        }
        d.put("extent", extents.toString());
        return Optional.of(new VoxelSize(um[0], um[1], um[2]));
    }

    /** The child group named by {@code pattern} with index {@code index}, or an error listing the ones that exist. */
    private static Group pick(Path path, Group parent, Pattern pattern, int index, String what, String hint) {
        Map<Integer, Group> ids = ids(parent, pattern);
        Group g = ids.get(index);
        if (g == null) {
            List<Integer> have = new ArrayList<>(ids.keySet());
            throw InputException.file(path, "has no " + what + " " + index + " (in " + pathOf(parent) + "); it has "
                    + (have.isEmpty() ? "none" : what + "s " + Hdf5Volumes.list(have)), "Choose one that exists (" + hint + ")");
        }
        return g;
    }

    private static Map<Integer, Group> ids(Group parent, Pattern pattern) {
        Map<Integer, Group> out = new TreeMap<>();
        for (Map.Entry<String, Node> e : parent.getChildren().entrySet()) {
            Matcher m = pattern.matcher(e.getKey());
            if (m.matches() && e.getValue() instanceof Group g) {
                out.put(Integer.parseInt(m.group(1)), g);
            }
        }
        return out;
    }

    /** A group's path as users write it: jhdf ends group paths with a slash. */
    private static String pathOf(Group g) {
        String p = g.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Group group(HdfFile f, String path) {
        try {
            return f.getByPath(path) instanceof Group g ? g : null;
        } catch (HdfInvalidPathException e) {
            return null; // jhdf reports a missing path by an exception; other jhdf errors mean a damaged file
        }
    }
}

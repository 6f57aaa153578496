package org.neuroatlas.core.volume.hdf5;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeFormat;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;

/**
 * BigDataViewer HDF5 datasets (as written by BigDataViewer, BigStitcher and the Fiji SPIM tools): the path is the
 * {@code .xml} or the {@code .h5}. Given the {@code .h5}, a sibling {@code .xml} with the same base name supplies
 * setups, timepoints and voxel size; without one the voxel size is absent.
 * <p>
 * HDF5 layout read: {@code /sNN/resolutions} (float64 [levels][3], downsampling factors x, y, z),
 * {@code /sNN/subdivisions} (int32 [levels][3], block sizes x, y, z) and {@code /tTTTTT/sNN/L/cells} (3-D, stored z,
 * y, x). BigDataViewer stores uint16 voxels in int16 datasets; they are read as uint16.
 * <p>
 * {@link ReadOptions#setup()} is the view setup id, {@link ReadOptions#timepoint()} the timepoint id and
 * {@link ReadOptions#level()} the resolution level; the voxel size at level L is the setup's voxel size (µm) times
 * the level's downsampling factors.
 */
public final class BdvFormat implements VolumeFormat {

    private static final Pattern SETUP_GROUP = Pattern.compile("s(\\d+)");
    private static final Pattern TIMEPOINT_GROUP = Pattern.compile("t(\\d+)");

    @Override
    public String name() {
        return "bdv-hdf5";
    }

    @Override
    public boolean canOpen(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        String n = lowerName(path);
        if (n.endsWith(".xml")) {
            return BdvXml.looksLikeSpimData(path);
        }
        if (n.endsWith(".h5") || n.endsWith(".hdf5")) {
            return siblingXml(path).isPresent() || hasBdvLayout(path);
        }
        return false;
    }

    /** An HDF5 file with an {@code sNN/resolutions} dataset at the root. */
    private static boolean hasBdvLayout(Path h5) {
        try (HdfFile f = new HdfFile(h5)) {
            for (String child : f.getChildren().keySet()) {
                if (SETUP_GROUP.matcher(child).matches() && f.getByPath(child + "/resolutions") != null) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false; // not HDF5, or not this layout
        }
    }

    @Override
    public VolumeHeader readHeader(Path path, ReadOptions options) throws IOException {
        Source src = source(path);
        try (HdfFile f = Hdf5Volumes.openFile(src.h5)) {
            return select(f, src, options).header;
        } catch (HdfException e) {
            throw Hdf5Volumes.damaged(src.h5, e);
        }
    }

    @Override
    public Volume<?> open(Path path, ReadOptions options, VolumeHeader header) throws IOException {
        Source src = source(path);
        HdfFile f = Hdf5Volumes.openFile(src.h5);
        try {
            Selection s = select(f, src, options);
            String name = path.getFileName() + " setup " + options.setup() + " timepoint " + options.timepoint()
                    + (options.level() > 0 ? " level " + options.level() : "");
            return Hdf5Volumes.lazyVolume(f, s.dataset, s.type, header, options, name);
        } catch (HdfException e) {
            f.close();
            throw Hdf5Volumes.damaged(src.h5, e);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** Where the metadata and the voxels are. */
    private record Source(Path given, Optional<BdvXml> xml, Path h5, String note) {
    }

    private Source source(Path path) throws IOException {
        if (lowerName(path).endsWith(".xml")) {
            BdvXml xml = BdvXml.read(path);
            if (!Files.isRegularFile(xml.hdf5())) {
                throw InputException.file(path, "names the HDF5 file " + xml.hdf5() + ", which does not exist",
                        "Keep the .h5 next to the .xml (or where the XML's <hdf5> element says)");
            }
            return new Source(path, Optional.of(xml), xml.hdf5(), "");
        }
        Optional<Path> sibling = siblingXml(path);
        if (sibling.isPresent()) {
            BdvXml xml = BdvXml.read(sibling.get());
            if (Files.isRegularFile(xml.hdf5()) && Files.isSameFile(xml.hdf5(), path)) {
                return new Source(path, Optional.of(xml), path, "");
            }
            return new Source(path, Optional.empty(), path, sibling.get().getFileName() + " describes another HDF5 file; ignored");
        }
        return new Source(path, Optional.empty(), path, "no BigDataViewer XML next to the .h5: voxel size and setup names unknown");
    }

    /** {@code name.xml} next to {@code name.h5}, if it is a SpimData XML. */
    private static Optional<Path> siblingXml(Path h5) {
        String n = h5.getFileName().toString();
        int dot = n.lastIndexOf('.');
        Path xml = h5.resolveSibling(n.substring(0, dot) + ".xml");
        return Files.isRegularFile(xml) && BdvXml.looksLikeSpimData(xml) ? Optional.of(xml) : Optional.empty();
    }

    /** The chosen dataset with everything the header says about it. */
    private record Selection(Dataset dataset, PixelType type, VolumeHeader header) {
    }

    private Selection select(HdfFile f, Source src, ReadOptions o) throws IOException {
        Path given = src.given;
        int setup = o.setup();
        int tp = o.timepoint();
        int level = o.level();
        List<Integer> setups = src.xml.isPresent() && !src.xml.get().setups().isEmpty()
                ? new ArrayList<>(src.xml.get().setups().keySet()) : groupIds(f, SETUP_GROUP);
        if (!setups.contains(setup)) {
            throw InputException.file(given, "has no view setup " + setup + "; its setups are " + Hdf5Volumes.list(setups),
                    "Choose one of them as the setup (channel) to read");
        }
        List<Integer> timepoints = src.xml.isPresent() ? src.xml.get().timepoints() : groupIds(f, TIMEPOINT_GROUP);
        if (!timepoints.contains(tp)) {
            throw InputException.file(given, "has no timepoint " + tp + "; its timepoints are " + Hdf5Volumes.list(timepoints),
                    "Choose one of them as the timepoint to read");
        }
        if (src.xml.isPresent() && src.xml.get().missing().contains(tp + "/" + setup)) {
            throw InputException.file(given, "lists view setup " + setup + " at timepoint " + tp + " as missing (no voxels)",
                    "Choose another setup or timepoint");
        }
        String setupGroup = String.format(Locale.ROOT, "s%02d", setup);
        double[][] resolutions = matrix(dataset(f, src, setupGroup + "/resolutions", "the downsampling factors of setup " + setup), src.h5);
        Dataset subdivisions = optionalDataset(f, setupGroup + "/subdivisions");
        if (level < 0 || level >= resolutions.length) {
            throw InputException.file(given, "has no resolution level " + level + " for setup " + setup + "; its levels are 0–"
                    + (resolutions.length - 1), "Choose a level in that range (0 = full resolution)");
        }
        String cellsPath = String.format(Locale.ROOT, "t%05d/s%02d/%d/cells", tp, setup, level);
        Dataset cells = dataset(f, src, cellsPath, "the voxels of setup " + setup + " at timepoint " + tp + ", level " + level);
        long[] zyx = cells.getDimensionsAsLong();
        if (zyx.length != 3) {
            throw InputException.file(src.h5, "dataset " + cellsPath + " has " + zyx.length + " dimensions instead of 3",
                    "The file is not a BigDataViewer HDF5 file as NeuroAtlas knows it");
        }
        PixelType type = Hdf5Types.pixelType(cells, true, src.h5);
        long[] dims = {zyx[2], zyx[1], zyx[0]};

        double[] factors = resolutions[level];
        Optional<BdvXml.Setup> meta = src.xml.map(x -> x.setups().get(setup));
        Optional<VoxelSize> voxelSize = meta.flatMap(BdvXml.Setup::voxelSizeUm)
                .map(v -> new VoxelSize(v.xUm() * factors[0], v.yUm() * factors[1], v.zUm() * factors[2]));

        Map<String, String> d = new LinkedHashMap<>();
        src.xml.ifPresent(x -> d.put("xml", x.xml().toString()));
        d.put("hdf5 file", src.h5.toString());
        if (!src.note.isEmpty()) {
            d.put("note", src.note);
        }
        d.put("setup", setup + meta.map(m -> m.name().isEmpty() ? "" : " (" + m.name() + ")").orElse(""));
        meta.ifPresent(m -> m.attributes().forEach((k, v) -> d.put(k, v)));
        meta.filter(m -> !m.unitNote().isEmpty()).ifPresent(m -> d.put("voxel size note", m.unitNote()));
        d.put("setups", Hdf5Volumes.list(setups));
        d.put("timepoint", Integer.toString(tp));
        d.put("timepoints", Hdf5Volumes.list(timepoints));
        d.put("level", level + " of " + resolutions.length + " (downsampling " + num(factors[0]) + "×" + num(factors[1]) + "×"
                + num(factors[2]) + ")");
        if (subdivisions != null) {
            double[][] sub = matrix(subdivisions, src.h5);
            if (level < sub.length) {
                d.put("subdivisions", num(sub[level][0]) + "×" + num(sub[level][1]) + "×" + num(sub[level][2]) + " (x×y×z)");
            }
        }
        d.put("storage", Hdf5Volumes.storage(cells));
        d.put("stored type", Hdf5Types.storedTypeName(cells) + (Hdf5Types.storedTypeName(cells).equals("int16")
                ? " (read as uint16, the BigDataViewer convention)" : ""));
        long bytes = Files.size(src.h5) + (src.xml.isPresent() ? Files.size(src.xml.get().xml()) : 0);
        VolumeHeader h = new VolumeHeader(given, name(), dims, type, voxelSize, Optional.empty(), bytes, d);
        return new Selection(cells, type, h);
    }

    /** Ids of the root groups named like {@code s00} or {@code t00000}. */
    private static List<Integer> groupIds(HdfFile f, Pattern p) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String child : f.getChildren().keySet()) {
            Matcher m = p.matcher(child);
            if (m.matches()) {
                ids.add(Integer.parseInt(m.group(1)));
            }
        }
        return new ArrayList<>(ids);
    }

    private static Dataset dataset(HdfFile f, Source src, String path, String what) {
        Dataset d = optionalDataset(f, path);
        if (d == null) {
            throw InputException.file(src.given, "has no dataset " + path + " in " + src.h5.getFileName() + " (" + what + ")",
                    "The HDF5 file does not match its XML or is incomplete; export the dataset again");
        }
        return d;
    }

    private static Dataset optionalDataset(HdfFile f, String path) {
        try {
            Node n = f.getByPath(path);
            return n instanceof Dataset d ? d : null;
        } catch (HdfInvalidPathException e) {
            return null; // jhdf reports a missing path by an exception; other jhdf errors mean a damaged file
        }
    }

    /** A 2-D numeric dataset as double[rows][cols]. */
    private static double[][] matrix(Dataset d, Path file) {
        Object data = d.getData();
        if (data == null || !data.getClass().isArray() || !data.getClass().getComponentType().isArray()) {
            throw notLevelsBy3(d, file);
        }
        int rows = Array.getLength(data);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            Object row = Array.get(data, r);
            out[r] = new double[Array.getLength(row)];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = ((Number) Array.get(row, c)).doubleValue();
            }
        }
        for (double[] row : out) {
            if (row.length != 3) {
                throw notLevelsBy3(d, file);
            }
        }
        return out;
    }

    private static InputException notLevelsBy3(Dataset d, Path file) {
        return InputException.file(file, "dataset " + d.getPath() + " is not a [levels][3] table as BigDataViewer writes it",
                "The file is not a BigDataViewer HDF5 file as NeuroAtlas knows it; export the dataset again");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String lowerName(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}

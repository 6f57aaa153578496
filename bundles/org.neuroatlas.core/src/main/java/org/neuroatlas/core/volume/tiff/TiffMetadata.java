package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.LengthUnits;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Calibration and stack shape from the first IFD: the ImageJ ImageDescription ({@code ImageJ=…}, {@code images=},
 * {@code unit=}, {@code spacing=}), OME-XML ({@code PhysicalSizeX/Y/Z}), and the TIFF resolution tags.
 * <p>
 * A voxel size is reported only when all three axes are known in a physical unit: TIFF's own resolution is in
 * pixels per inch or centimetre and has no z, and the ubiquitous 72 dpi default says nothing about a microscope,
 * so inch-based or unit-less resolutions count only when ImageJ names the unit.
 */
final class TiffMetadata {

    /** OME-XML of big datasets can be large; beyond this the description is not parsed. */
    private static final int MAX_DESCRIPTION = 16 << 20;
    private static final Pattern OME_PIXELS = Pattern.compile("<(?:\\w+:)?Pixels\\b([^>]*)>");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    private final Map<String, String> imageJ;
    private final Map<String, String> ome;
    private final Optional<VoxelSize> voxelSizeUm;
    private final String calibration;

    private TiffMetadata(Map<String, String> imageJ, Map<String, String> ome, Optional<VoxelSize> voxelSizeUm, String calibration) {
        this.imageJ = imageJ;
        this.ome = ome;
        this.voxelSizeUm = voxelSizeUm;
        this.calibration = calibration;
    }

    /**
     * Reads the metadata of {@code ifd}.
     *
     * @param stack true for a multi-page file (ImageJ then implies a z spacing of 1 unit when it writes none)
     */
    static TiffMetadata read(Ifd ifd, TiffInput in, boolean stack) throws IOException {
        String description = null;
        Ifd.Entry d = ifd.entry(TiffTag.IMAGE_DESCRIPTION);
        if (d != null && d.count() <= MAX_DESCRIPTION) {
            description = ifd.text(TiffTag.IMAGE_DESCRIPTION, in, (int) d.count());
        }
        Map<String, String> imageJ = description != null && description.startsWith("ImageJ=") ? parseImageJ(description) : null;
        boolean omeXml = description != null && (description.contains("<OME") || description.contains(":OME"));
        Map<String, String> ome = omeXml ? parseOme(description) : null;
        long[] xr = ifd.rational(TiffTag.X_RESOLUTION, in);
        long[] yr = ifd.rational(TiffTag.Y_RESOLUTION, in);
        int resUnit = (int) ifd.scalar(TiffTag.RESOLUTION_UNIT, 2); // the spec's default is inch
        return calibrate(imageJ, ome, xr, yr, resUnit, stack);
    }

    private static TiffMetadata calibrate(Map<String, String> ij, Map<String, String> ome, long[] xr, long[] yr, int resUnit,
            boolean stack) {
        if (ome != null) {
            Double x = omeSize(ome, "X");
            Double y = omeSize(ome, "Y");
            Double z = omeSize(ome, "Z");
            if (x != null && y != null && z != null) {
                return new TiffMetadata(ij, ome, voxel(x, y, z), "OME-XML PhysicalSizeX/Y/Z");
            }
            if (x != null && y != null) {
                return new TiffMetadata(ij, ome, Optional.empty(), "OME-XML gives x/y (" + fmt(x) + " × " + fmt(y)
                        + " µm) but no z size");
            }
        }
        Double unitUm;
        String source;
        if (ij != null && ij.containsKey("unit")) {
            unitUm = unitToUm(ij.get("unit"));
            source = "ImageJ unit '" + ij.get("unit") + "'";
        } else if (resUnit == 3) {
            unitUm = 1e4;
            source = "TIFF resolution in pixels per cm";
        } else {
            unitUm = null;
            source = resUnit == 2 ? "TIFF resolution in pixels per inch (ignored)" : "no physical unit";
        }
        if (unitUm == null || xr == null || yr == null || xr[0] == 0 || yr[0] == 0 || xr[1] == 0 || yr[1] == 0) {
            return new TiffMetadata(ij, ome, Optional.empty(), unitUm == null ? source : source + ", but no resolution");
        }
        // Resolution is pixels per unit, so the pixel size is its inverse: denominator / numerator, kept exact.
        double x = xr[1] * unitUm / xr[0];
        double y = yr[1] * unitUm / yr[0];
        Double z = null;
        if (ij != null && ij.containsKey("spacing")) {
            Double zUnit = ij.containsKey("zunit") ? unitToUm(ij.get("zunit")) : unitUm;
            Double spacing = number(ij.get("spacing"));
            z = zUnit == null || spacing == null ? null : Math.abs(spacing) * zUnit;
        } else if (ij != null && stack && ij.containsKey("unit") && count(ij.get("images")) > 1) {
            // ImageJ omits spacing= when the voxel depth is 1 (its default), so a calibrated ImageJ stack
            // without it has planes 1 unit apart. A single image has no depth at all.
            z = unitUm;
        }
        if (z == null || !(z > 0)) {
            return new TiffMetadata(ij, ome, Optional.empty(), source + ": x/y " + fmt(x) + " × " + fmt(y) + " µm, z unknown");
        }
        return new TiffMetadata(ij, ome, voxel(x, y, z), source + (ij != null ? " with XResolution/YResolution and spacing"
                : " with XResolution/YResolution"));
    }

    private static Optional<VoxelSize> voxel(double x, double y, double z) {
        try {
            return Optional.of(new VoxelSize(x, y, z));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // zero or absurd values in the file: as good as none
        }
    }

    private static Map<String, String> parseImageJ(String description) {
        Map<String, String> m = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.putIfAbsent(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    private static Map<String, String> parseOme(String xml) {
        Matcher pm = OME_PIXELS.matcher(xml);
        if (!pm.find()) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        Matcher am = XML_ATTRIBUTE.matcher(pm.group(1));
        while (am.find()) {
            m.put(am.group(1), am.group(2));
        }
        return m;
    }

    private static Double omeSize(Map<String, String> ome, String axis) {
        Double v = number(ome.get("PhysicalSize" + axis));
        if (v == null || !(v > 0)) {
            return null;
        }
        String unit = ome.getOrDefault("PhysicalSize" + axis + "Unit", "µm"); // OME's default unit
        Double um = unitToUm(unit);
        return um == null ? null : v * um;
    }

    /** µm per {@code unit}, or null for pixels, inches and anything unknown. */
    static Double unitToUm(String unit) {
        OptionalDouble um = LengthUnits.micronsPer(unit);
        return um.isPresent() ? um.getAsDouble() : null;
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }

    /** Voxel size in µm, when all three axes are known. */
    Optional<VoxelSize> voxelSizeUm() {
        return voxelSizeUm;
    }

    boolean isImageJ() {
        return imageJ != null;
    }

    boolean isOme() {
        return ome != null;
    }

    /** ImageJ's {@code images=} count (planes it wrote), or 0. */
    long imageJImages() {
        Double n = imageJ == null ? null : number(imageJ.get("images"));
        return n == null ? 0 : n.longValue();
    }

    /**
     * Rejects stacks whose pages are not all z planes of one channel: ImageJ hyperstacks with several channels
     * (or both slices and frames), OME-TIFF with several channels or timepoints.
     */
    void checkSingleChannel(Path file) {
        if (imageJ != null) {
            long channels = count(imageJ.get("channels"));
            long slices = count(imageJ.get("slices"));
            long frames = count(imageJ.get("frames"));
            if (channels > 1) {
                throw multiChannel(file, "an ImageJ hyperstack with " + channels + " channels");
            }
            if (slices > 1 && frames > 1) {
                throw multiChannel(file, "an ImageJ hyperstack with " + slices + " slices × " + frames + " frames");
            }
        }
        if (ome != null) {
            long c = count(ome.get("SizeC"));
            long t = count(ome.get("SizeT"));
            if (c > 1 || t > 1) {
                throw multiChannel(file, "an OME-TIFF with " + c + " channel(s) and " + t + " timepoint(s)");
            }
        }
    }

    private static InputException multiChannel(Path file, String what) {
        return InputException.file(file, "is " + what + "; NeuroAtlas reads one channel of one timepoint per volume",
                "Save the channel (and timepoint) you need as its own TIFF stack, e.g. in Fiji with Image > Color > Split "
                        + "Channels or Image > Duplicate");
    }

    private static long count(String s) {
        Double n = number(s);
        return n == null ? 1 : n.longValue();
    }

    /** Adds what was found to a header's details. */
    void addDetails(Map<String, String> details) {
        if (imageJ != null) {
            details.put("metadata", "ImageJ " + imageJ.getOrDefault("ImageJ", "").trim());
        } else if (ome != null) {
            details.put("metadata", "OME-XML");
        } else {
            details.put("metadata", "none");
        }
        details.put("voxel size source", voxelSizeUm.isPresent() ? calibration : "none (" + calibration + ")");
        voxelSizeUm.ifPresent(v -> details.put("voxel size (µm)", v.toString()));
    }
}

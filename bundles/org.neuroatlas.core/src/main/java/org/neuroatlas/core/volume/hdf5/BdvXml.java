package org.neuroatlas.core.volume.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.LengthUnits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a BigDataViewer / SpimData XML file that locate and describe the voxels: the HDF5 file, the view
 * setups (id, name, size, voxel size, attributes such as channel or tile), the timepoints and the missing views.
 * Registrations (affine transforms) are not read: NeuroAtlas works in voxel space scaled by the voxel size.
 *
 * @param xml        the XML file
 * @param hdf5       the HDF5 file it names (resolved against the XML's base path)
 * @param setups     by id, in file order
 * @param timepoints timepoint ids
 * @param missing    views listed as missing, as "timepoint/setup"
 */
record BdvXml(Path xml, Path hdf5, Map<Integer, Setup> setups, List<Integer> timepoints, Set<String> missing) {

    /**
     * One view setup.
     *
     * @param id          setup id ({@code sNN} in the HDF5 file)
     * @param name        its name, may be empty
     * @param voxelSizeUm full-resolution voxel size in µm, absent if the XML gives none or a non-physical unit
     * @param unitNote    why the voxel size is absent or how it was converted, for display; may be empty
     * @param attributes  attribute name → id (channel, angle, tile, illumination, …)
     */
    record Setup(int id, String name, Optional<VoxelSize> voxelSizeUm, String unitNote, Map<String, String> attributes) {
    }

    /** True if {@code file} looks like a SpimData XML (checks the first few KB only). */
    static boolean looksLikeSpimData(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return head.contains("<SpimData");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Parses {@code xml}.
     *
     * @throws InputException if it is not a SpimData XML with a BigDataViewer HDF5 image loader
     */
    static BdvXml read(Path xml) throws IOException {
        Element root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("SpimData")) {
            throw InputException.file(xml, "is not a BigDataViewer XML (its root element is <" + root.getTagName() + ">, not <SpimData>)",
                    "Give the .xml written by BigDataViewer or BigStitcher, or its .h5 file");
        }
        Path dir = xml.toAbsolutePath().getParent();
        Element basePath = child(root, "BasePath");
        Path base = basePath == null ? dir : resolve(dir, basePath);
        Element seq = child(root, "SequenceDescription");
        Element loader = seq == null ? null : child(seq, "ImageLoader");
        if (loader == null) {
            throw InputException.file(xml, "has no <SequenceDescription><ImageLoader>", "The XML is incomplete; export the dataset again");
        }
        String format = loader.getAttribute("format");
        Element hdf5 = child(loader, "hdf5");
        if (!format.equals("bdv.hdf5") || hdf5 == null) {
            throw InputException.file(xml, "stores its voxels with image loader '" + format + "', not BigDataViewer HDF5 (bdv.hdf5)",
                    "NeuroAtlas reads BigDataViewer HDF5; re-save the dataset as HDF5 (BigDataViewer › Export Current Image as XML/HDF5, or BigStitcher)");
        }
        Map<Integer, Setup> setups = new LinkedHashMap<>();
        Element viewSetups = child(seq, "ViewSetups");
        if (viewSetups != null) {
            for (Element s : children(viewSetups, "ViewSetup")) {
                Setup setup = setup(xml, s);
                setups.put(setup.id(), setup);
            }
        }
        return new BdvXml(xml, resolve(base, hdf5), setups, timepoints(xml, child(seq, "Timepoints")), missing(seq));
    }

    private static Document parse(Path xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // No DTDs or external entities: an XML file must not make us read other files or the network.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            try (InputStream in = Files.newInputStream(xml)) {
                return b.parse(in);
            }
        } catch (SAXException e) {
            throw InputException.file(xml, "is not well-formed XML (" + e.getMessage() + ")",
                    "The file is damaged; export the dataset again", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Setup setup(Path xml, Element s) {
        int id = integer(xml, "ViewSetup id", text(s, "id"));
        String name = Optional.ofNullable(text(s, "name")).orElse("");
        Map<String, String> attributes = new LinkedHashMap<>();
        Element attrs = child(s, "attributes");
        if (attrs != null) {
            for (Element a : children(attrs, null)) {
                attributes.put(a.getTagName(), a.getTextContent().trim());
            }
        }
        Element vs = child(s, "voxelSize");
        if (vs == null) {
            return new Setup(id, name, Optional.empty(), "no voxelSize in the XML", attributes);
        }
        String unit = Optional.ofNullable(text(vs, "unit")).orElse("");
        String[] size = Optional.ofNullable(text(vs, "size")).orElse("").trim().split("\\s+");
        OptionalDouble scale = LengthUnits.micronsPer(unit);
        if (scale.isEmpty()) {
            return new Setup(id, name, Optional.empty(), "the XML gives the voxel size in '" + unit + "', not a length unit", attributes);
        }
        if (size.length != 3) {
            throw InputException.file(xml, "view setup " + id + " has a voxelSize with " + size.length + " numbers instead of 3",
                    "Fix the <voxelSize><size> element (x y z)");
        }
        try {
            double k = scale.getAsDouble();
            VoxelSize v = new VoxelSize(Double.parseDouble(size[0]) * k, Double.parseDouble(size[1]) * k, Double.parseDouble(size[2]) * k);
            return new Setup(id, name, Optional.of(v), k == 1 ? "" : "converted from " + unit, attributes);
        } catch (IllegalArgumentException e) {
            return new Setup(id, name, Optional.empty(), "the XML's voxel size '" + String.join(" ", size) + "' is not usable", attributes);
        }
    }

    /** Timepoints as SpimData writes them: a range (first, last) or an integer pattern ("0-9", "0,2,4", "0-10:2"). */
    private static List<Integer> timepoints(Path xml, Element tp) {
        if (tp == null) {
            return List.of(0);
        }
        Set<Integer> out = new TreeSet<>();
        if (child(tp, "first") != null) {
            int first = integer(xml, "Timepoints first", text(tp, "first"));
            int last = integer(xml, "Timepoints last", text(tp, "last"));
            for (int t = first; t <= last; t++) {
                out.add(t);
            }
        } else if (text(tp, "integerpattern") != null) {
            for (String part : text(tp, "integerpattern").split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String[] stepSplit = p.split(":");
                String[] range = stepSplit[0].split("-");
                int a = integer(xml, "Timepoints", range[0]);
                int b = range.length > 1 ? integer(xml, "Timepoints", range[1]) : a;
                int step = stepSplit.length > 1 ? integer(xml, "Timepoints", stepSplit[1]) : 1;
                for (int t = a; t <= b && step > 0; t += step) {
                    out.add(t);
                }
            }
        }
        return out.isEmpty() ? List.of(0) : List.copyOf(out);
    }

    private static Set<String> missing(Element seq) {
        Set<String> out = new TreeSet<>();
        Element mv = child(seq, "MissingViews");
        if (mv != null) {
            for (Element v : children(mv, "View")) {
                out.add(v.getAttribute("timepoint") + "/" + v.getAttribute("setup"));
            }
        }
        return out;
    }

    /** A path element with {@code type="relative"} (the default) or {@code "absolute"}. */
    private static Path resolve(Path dir, Element e) {
        String p = e.getTextContent().trim();
        return "absolute".equals(e.getAttribute("type")) ? Path.of(p) : dir.resolve(p).normalize();
    }

    private static int integer(Path xml, String what, String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            throw InputException.file(xml, what + " '" + s + "' is not a whole number", "Fix the XML");
        }
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    /** Child elements named {@code tag} (any name if null). */
    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }
}

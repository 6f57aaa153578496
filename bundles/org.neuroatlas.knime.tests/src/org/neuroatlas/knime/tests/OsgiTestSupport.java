package org.neuroatlas.knime.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Helpers shared by the in-OSGi tests. */
public final class OsgiTestSupport {

    private OsgiTestSupport() {
    }

    /** The node bundle (host of this test fragment). */
    public static Bundle nodeBundle() {
        return FrameworkUtil.getBundle(org.neuroatlas.knime.common.KnimeTables.class);
    }

    /** Parses an XML resource of the node bundle, namespace-aware. */
    public static Document xml(URL url) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = url.openStream()) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    public static Document xml(Path file) throws Exception {
        return xml(file.toUri().toURL());
    }

    /** Element children of {@code parent}, in document order. */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The factory class names registered in plugin.xml, in order. */
    public static List<String> registeredFactories() throws Exception {
        Document d = xml(nodeBundle().getEntry("plugin.xml"));
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute("factory-class"));
        }
        return out;
    }

    /** The project's root folder (for feature.xml and the shared test data next to it). */
    public static Path projectRoot() {
        Path p = Path.of(System.getProperty("neuroatlas.root", "../.."));
        if (!Files.isRegularFile(p.resolve("pom.xml"))) {
            throw new IllegalStateException("project root not found at " + p.toAbsolutePath() + " (system property neuroatlas.root)");
        }
        return p;
    }

    /** The shared atlas/test-data folder, read in place. */
    public static Path shared() throws IOException {
        Path p = Path.of(System.getProperty("neuroatlas.shared", "../../../shared"));
        if (!Files.isDirectory(p.resolve("testdata"))) {
            throw new IOException("shared test data not found at " + p.toAbsolutePath() + " (system property neuroatlas.shared)");
        }
        return p;
    }
}

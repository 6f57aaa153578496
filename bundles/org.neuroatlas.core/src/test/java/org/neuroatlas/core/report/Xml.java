package org.neuroatlas.core.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses SVG text strictly (fails the test on malformed XML) and finds elements. */
final class Xml {

    private Xml() {
    }

    static Document parse(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** Elements named {@code tag} (local name) whose data-key equals {@code key}. */
    static List<Element> withKey(Document d, String tag, String key) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("data-key").equals(key)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element one(Document d, String tag, String key) {
        List<Element> es = withKey(d, tag, key);
        if (es.size() != 1) {
            throw new AssertionError(es.size() + " <" + tag + "> elements with data-key " + key);
        }
        return es.get(0);
    }

    static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}

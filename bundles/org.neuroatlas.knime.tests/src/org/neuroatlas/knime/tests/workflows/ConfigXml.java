package org.neuroatlas.knime.tests.workflows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuroatlas.knime.tests.OsgiTestSupport;
import org.w3c.dom.Element;

/**
 * KNIME's saved-settings format (XMLConfig 2008/09) read as plain XML, independently of the settings classes that
 * write it: a tree of {@code <config key>} elements and {@code <entry key type value [isnull]/>} leaves. Every
 * structural rule of the format that a loader relies on is checked here and reported as a readable problem.
 */
final class ConfigXml {

    static final String NS = "http://www.knime.org/2008/09/XMLConfig";
    static final Set<String> ENTRY_TYPES = Set.of("xstring", "xint", "xlong", "xdouble", "xboolean", "xfloat", "xshort", "xbyte", "xchar",
            "xpassword", "xtransientstring");

    private final Element element;
    private final String where;

    private ConfigXml(Element element, String where) {
        this.element = element;
        this.where = where;
    }

    /** Reads {@code file}; its root must be a config with key {@code rootKey}. */
    static ConfigXml read(Path file, String rootKey, List<String> problems) throws Exception {
        Element root = OsgiTestSupport.xml(file).getDocumentElement();
        ConfigXml c = new ConfigXml(root, file.getFileName().toString());
        c.expect(problems, "root element is config in " + NS, "config".equals(root.getLocalName()) && NS.equals(root.getNamespaceURI()));
        c.expect(problems, "root key is " + rootKey, rootKey.equals(root.getAttribute("key")));
        c.checkTree(root, problems);
        return c;
    }

    /** Where this config is, for messages: {@code file:key/key}. */
    String where() {
        return where;
    }

    /** The sub-config {@code key}, or null (reported) if there is none. */
    ConfigXml config(String key, List<String> problems) {
        Element e = children().get(key);
        if (e == null || !"config".equals(e.getLocalName())) {
            problems.add(where + ": expected config '" + key + "'");
            return null;
        }
        return new ConfigXml(e, where + "/" + key);
    }

    boolean has(String key) {
        return children().containsKey(key);
    }

    /** Sub-configs by key, in file order. */
    Map<String, ConfigXml> configs() {
        Map<String, ConfigXml> out = new LinkedHashMap<>();
        children().forEach((k, e) -> {
            if ("config".equals(e.getLocalName())) {
                out.put(k, new ConfigXml(e, where + "/" + k));
            }
        });
        return out;
    }

    /** Entries by key → type, in file order. */
    Map<String, String> entryTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        children().forEach((k, e) -> {
            if ("entry".equals(e.getLocalName())) {
                out.put(k, e.getAttribute("type"));
            }
        });
        return out;
    }

    /** The value of entry {@code key} of type {@code type}; null (reported) if absent or of another type; "" for isnull. */
    String value(String key, String type, List<String> problems) {
        Element e = children().get(key);
        if (e == null || !"entry".equals(e.getLocalName()) || !type.equals(e.getAttribute("type"))) {
            problems.add(where + ": expected entry '" + key + "' of type " + type);
            return null;
        }
        return e.getAttribute("value");
    }

    boolean isNull(String key) {
        Element e = children().get(key);
        return e != null && "true".equals(e.getAttribute("isnull"));
    }

    /** An int array as KNIME saves one: a config with {@code array-size} and entries 0..n−1. */
    int[] intArray(String key, List<String> problems) {
        ConfigXml a = config(key, problems);
        if (a == null) {
            return new int[0];
        }
        String size = a.value("array-size", "xint", problems);
        int n = size == null ? 0 : Integer.parseInt(size);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            String v = a.value(Integer.toString(i), "xint", problems);
            out[i] = v == null ? 0 : Integer.parseInt(v);
        }
        return out;
    }

    void expect(List<String> problems, String what, boolean ok) {
        if (!ok) {
            problems.add(where + ": expected " + what);
        }
    }

    private Map<String, Element> children() {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element e : OsgiTestSupport.children(element)) {
            out.put(e.getAttribute("key"), e);
        }
        return out;
    }

    /** Only config/entry elements, each with a key unique among its siblings; entries typed, with a value. */
    private void checkTree(Element config, List<String> problems) {
        Set<String> keys = new java.util.HashSet<>();
        for (Element e : OsgiTestSupport.children(config)) {
            String key = e.getAttribute("key");
            String at = where + ": " + e.getLocalName() + " '" + key + "'";
            if (!e.hasAttribute("key") || !keys.add(key)) {
                problems.add(at + " has no key or a duplicate key");
            }
            if (!NS.equals(e.getNamespaceURI())) {
                problems.add(at + " is not in the XMLConfig namespace");
            }
            switch (e.getLocalName()) {
                case "config" -> checkTree(e, problems);
                case "entry" -> {
                    if (!ENTRY_TYPES.contains(e.getAttribute("type"))) {
                        problems.add(at + " has unknown type '" + e.getAttribute("type") + "'");
                    }
                    if (!e.hasAttribute("value")) {
                        problems.add(at + " has no value attribute");
                    }
                    if (e.hasAttribute("isnull") && (!"true".equals(e.getAttribute("isnull")) || !e.getAttribute("value").isEmpty())) {
                        problems.add(at + ": isnull must be \"true\" with value \"\"");
                    }
                    if (!OsgiTestSupport.children(e).isEmpty()) {
                        problems.add(at + " has child elements");
                    }
                }
                default -> problems.add(at + ": only config and entry elements are allowed");
            }
        }
    }
}

package org.neuroatlas.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.neuroatlas.knime.common.SettingsNodeModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every factory registered in plugin.xml loads, creates its model, and has a well-formed node description (KNIME
 * v4.1 schema structure) that documents every setting and exactly the model's ports.
 */
class NodeFactoriesTest {

    static final String NS = "http://knime.org/node/v4.1";
    static final Set<String> TYPES = Set.of("Source", "Sink", "Learner", "Predictor", "Manipulator", "Visualizer", "Other");

    @Test
    void pluginXmlRegistersFactoriesInTheCommunityCategory() throws Exception {
        Document d = OsgiTestSupport.xml(OsgiTestSupport.nodeBundle().getEntry("plugin.xml"));
        Element cat = (Element) d.getElementsByTagName("category").item(0);
        assertEquals("/community", cat.getAttribute("path"));
        assertEquals("neuroatlas", cat.getAttribute("level-id"));
        assertNotNull(OsgiTestSupport.nodeBundle().getEntry(cat.getAttribute("icon")), "category icon in the bundle");
        assertFalse(OsgiTestSupport.registeredFactories().isEmpty());
        for (int i = 0; i < d.getElementsByTagName("node").getLength(); i++) {
            assertEquals("/community/neuroatlas", ((Element) d.getElementsByTagName("node").item(i)).getAttribute("category-path"));
        }
    }

    @Test
    void everyFactoryHasAWellFormedCompleteDescription() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String factoryName : OsgiTestSupport.registeredFactories()) {
            Class<?> cls = OsgiTestSupport.nodeBundle().loadClass(factoryName);
            NodeFactory<?> factory = (NodeFactory<?>) cls.getConstructor().newInstance();
            NodeModel model = factory.createNodeModel();
            URL xmlUrl = cls.getResource(cls.getSimpleName() + ".xml");
            if (xmlUrl == null) {
                problems.add(factoryName + ": no " + cls.getSimpleName() + ".xml next to the factory");
                continue;
            }
            Document d = OsgiTestSupport.xml(xmlUrl);
            checkDescription(factoryName, cls, d, model, factory, problems);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static void checkDescription(String name, Class<?> cls, Document d, NodeModel model, NodeFactory<?> factory, List<String> problems)
            throws Exception {
        Element root = d.getDocumentElement();
        expect(problems, name, "root is knimeNode in " + NS, "knimeNode".equals(root.getLocalName()) && NS.equals(root.getNamespaceURI()));
        expect(problems, name, "type is one of " + TYPES, TYPES.contains(root.getAttribute("type")));
        String icon = root.getAttribute("icon");
        expect(problems, name, "icon " + icon + " exists", !icon.isEmpty() && cls.getResource(icon.replace("./", "")) != null);
        // Children in the schema's order, with the required ones present.
        List<String> order = List.of("name", "shortDescription", "fullDescription", "interactiveView", "ports", "views", "keywords");
        int last = -1;
        Set<String> present = new LinkedHashSet<>();
        for (Element e : OsgiTestSupport.children(root)) {
            int i = order.indexOf(e.getLocalName());
            expect(problems, name, "element " + e.getLocalName() + " allowed and in order", i > last);
            last = Math.max(last, i);
            present.add(e.getLocalName());
        }
        for (String required : List.of("name", "shortDescription", "fullDescription", "ports")) {
            expect(problems, name, "has " + required, present.contains(required));
        }
        expect(problems, name, "non-empty name", !text(root, "name").isBlank());
        expect(problems, name, "non-empty short description", !text(root, "shortDescription").isBlank());
        // fullDescription: intro, then options or tabs (not both), then links.
        Element full = child(root, "fullDescription");
        List<String> optionNames = new ArrayList<>();
        if (full != null) {
            List<Element> parts = OsgiTestSupport.children(full);
            expect(problems, name, "fullDescription starts with intro", !parts.isEmpty() && "intro".equals(parts.get(0).getLocalName()));
            boolean tabs = false, options = false, links = false;
            for (Element p : parts.subList(Math.min(1, parts.size()), parts.size())) {
                switch (p.getLocalName()) {
                    case "option" -> {
                        options = true;
                        expect(problems, name, "option before links", !links);
                        optionNames.add(p.getAttribute("name"));
                    }
                    case "tab" -> {
                        tabs = true;
                        expect(problems, name, "tab before links", !links);
                        for (Element o : OsgiTestSupport.children(p)) {
                            expect(problems, name, "tab holds options only", "option".equals(o.getLocalName()));
                            optionNames.add(o.getAttribute("name"));
                        }
                    }
                    case "link" -> links = true;
                    default -> problems.add(name + ": unexpected " + p.getLocalName() + " in fullDescription");
                }
            }
            expect(problems, name, "options and tabs are not mixed", !(tabs && options));
        }
        // Ports: exactly the model's, indexed 0..n-1, each named and described.
        Element ports = child(root, "ports");
        int in = (Integer) call(NodeModel.class, model, "getNrInPorts");
        int out = (Integer) call(NodeModel.class, model, "getNrOutPorts");
        if (ports != null) {
            checkPorts(problems, name, ports, "inPort", in);
            checkPorts(problems, name, ports, "outPort", out);
        }
        int views = (Integer) call(NodeFactory.class, factory, "getNrNodeViews");
        Element viewsEl = child(root, "views");
        int documentedViews = viewsEl == null ? 0 : OsgiTestSupport.children(viewsEl).size();
        expect(problems, name, views + " views documented, found " + documentedViews, views == documentedViews);
        // Settings: each one documented under its dialog label, and no option documents a setting that isn't there.
        if (model instanceof SettingsNodeModel<?> s) {
            Set<String> labels = new LinkedHashSet<>(s.settings().labelsByKey().values());
            for (String l : labels) {
                expect(problems, name, "setting '" + l + "' documented as an option", optionNames.contains(l));
            }
            for (String o : optionNames) {
                expect(problems, name, "option '" + o + "' is a setting", labels.contains(o));
            }
        } else {
            problems.add(name + ": model does not extend SettingsNodeModel");
        }
    }

    private static void checkPorts(List<String> problems, String name, Element ports, String kind, int expected) {
        List<Element> list = OsgiTestSupport.children(ports).stream().filter(e -> kind.equals(e.getLocalName())).toList();
        expect(problems, name, expected + " " + kind + "s documented, found " + list.size(), list.size() == expected);
        for (int i = 0; i < list.size(); i++) {
            Element p = list.get(i);
            expect(problems, name, kind + " index " + i, String.valueOf(i).equals(p.getAttribute("index")));
            expect(problems, name, kind + " " + i + " named", !p.getAttribute("name").isBlank());
            expect(problems, name, kind + " " + i + " described", !p.getTextContent().isBlank());
        }
    }

    private static Object call(Class<?> declaring, Object target, String method) throws Exception {
        Method m = declaring.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    private static Element child(Element parent, String localName) {
        return OsgiTestSupport.children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
    }

    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? "" : e.getTextContent();
    }

    private static void expect(List<String> problems, String node, String what, boolean ok) {
        if (!ok) {
            problems.add(node + ": expected " + what);
        }
    }

    @Test
    void descriptionCheckerCatchesAMissingOption() throws Exception {
        // The checker itself must be able to fail: drop one option from a real description and expect a complaint.
        String factoryName = OsgiTestSupport.registeredFactories().get(0);
        Class<?> cls = OsgiTestSupport.nodeBundle().loadClass(factoryName);
        NodeFactory<?> factory = (NodeFactory<?>) cls.getConstructor().newInstance();
        Document d = OsgiTestSupport.xml(cls.getResource(cls.getSimpleName() + ".xml"));
        Element option = (Element) d.getElementsByTagNameNS(NS, "option").item(0);
        option.getParentNode().removeChild(option);
        List<String> problems = new ArrayList<>();
        checkDescription(factoryName, cls, d, factory.createNodeModel(), factory, problems);
        assertTrue(problems.stream().anyMatch(p -> p.contains(option.getAttribute("name"))), problems.toString());
    }
}

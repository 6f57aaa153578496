package org.neuroatlas.knime.tests.workflows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.neuroatlas.knime.tests.OsgiTestSupport;
import org.neuroatlas.knime.tests.SettingsXml;

/**
 * Checks of a saved workflow folder, each returning readable problems (empty = fine):
 * {@link #format} against the documented file format (read as plain XML), and {@link #nodes} through the real node
 * models — the factory is registered, the {@code model} settings pass the node's own validation and are exactly the
 * keys and types it saves, connections fit its ports, and flow variables control settings that exist.
 */
final class WorkflowChecks {

    static final Set<String> NODE_STATES = Set.of("IDLE", "CONFIGURED");
    static final Map<String, String> VARIABLE_ENTRY_TYPES = Map.of("STRING", "xstring", "DOUBLE", "xdouble", "INTEGER", "xint");

    /** A node as workflow.knime lists it. */
    record SavedNode(int id, Path settingsFile) {
    }

    /** A connection as saved (KNIME port indices: 0 = flow-variable port). */
    record SavedLink(int source, int sourcePort, int dest, int destPort) {
    }

    private WorkflowChecks() {
    }

    /** Every folder under {@code root} that holds a workflow.knime. */
    static List<Path> workflowFolders(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("workflow.knime")).map(Path::getParent).sorted().toList();
        }
    }

    /** The structure of workflow.knime and every node's settings.xml, as the documented format requires. */
    static List<String> format(Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        ConfigXml w = ConfigXml.read(dir.resolve("workflow.knime"), "workflow.knime", problems);
        w.value("created_by", "xstring", problems);
        w.expect(problems, "created_by_nightly false", "false".equals(w.value("created_by_nightly", "xboolean", problems)));
        w.value("version", "xstring", problems);
        w.expect(problems, "entry 'name'", w.has("name"));
        w.expect(problems, "state IDLE or CONFIGURED", NODE_STATES.contains(w.value("state", "xstring", problems)));
        Map<String, String> variables = variables(w, problems);
        Map<Integer, SavedNode> nodes = nodes(dir, w, problems);
        for (SavedLink l : links(w, problems)) {
            w.expect(problems, "connection " + l + " between listed nodes", nodes.containsKey(l.source()) && nodes.containsKey(l.dest()));
            w.expect(problems, "connection " + l + " on data ports (≥ 1)", l.sourcePort() >= 1 && l.destPort() >= 1);
        }
        for (SavedNode n : nodes.values()) {
            if (Files.isRegularFile(n.settingsFile())) {
                nodeFormat(n, variables, problems);
            }
        }
        return problems;
    }

    private static Map<String, String> variables(ConfigXml w, List<String> problems) {
        Map<String, String> out = new HashMap<>();
        if (!w.has("workflow_variables")) {
            return out;
        }
        for (ConfigXml v : w.config("workflow_variables", problems).configs().values()) {
            String name = v.value("name", "xstring", problems);
            String cls = v.value("class", "xstring", problems);
            String entryType = VARIABLE_ENTRY_TYPES.get(cls);
            v.expect(problems, "class STRING, DOUBLE or INTEGER", entryType != null);
            if (entryType != null) {
                v.value("value", entryType, problems);
                out.put(name, entryType);
            }
        }
        return out;
    }

    private static Map<Integer, SavedNode> nodes(Path dir, ConfigXml w, List<String> problems) {
        Map<Integer, SavedNode> out = new HashMap<>();
        ConfigXml nodes = w.config("nodes", problems);
        if (nodes == null) {
            return out;
        }
        nodes.configs().forEach((key, n) -> {
            String id = n.value("id", "xint", problems);
            n.expect(problems, "key node_<id>", ("node_" + id).equals(key));
            String file = n.value("node_settings_file", "xstring", problems);
            n.expect(problems, "node_is_meta false", "false".equals(n.value("node_is_meta", "xboolean", problems)));
            n.expect(problems, "node_type NativeNode", "NativeNode".equals(n.value("node_type", "xstring", problems)));
            n.value("ui_classname", "xstring", problems);
            ConfigXml ui = n.config("ui_settings", problems);
            if (ui != null) {
                ui.expect(problems, "node bounds x, y, w, h", ui.intArray("extrainfo.node.bounds", problems).length == 4);
            }
            if (id != null && file != null) {
                Path settings = dir.resolve(file);
                n.expect(problems, file + " exists", Files.isRegularFile(settings));
                n.expect(problems, file + " in a folder 'Name (#" + id + ")'", file.endsWith(" (#" + id + ")/settings.xml"));
                out.put(Integer.parseInt(id), new SavedNode(Integer.parseInt(id), settings));
            }
        });
        return out;
    }

    static List<SavedLink> links(ConfigXml w, List<String> problems) {
        List<SavedLink> out = new ArrayList<>();
        if (!w.has("connections")) {
            return out;
        }
        for (ConfigXml c : w.config("connections", problems).configs().values()) {
            String[] v = {c.value("sourceID", "xint", problems), c.value("sourcePort", "xint", problems), c.value("destID", "xint", problems),
                    c.value("destPort", "xint", problems)};
            if (Stream.of(v).allMatch(x -> x != null)) {
                out.add(new SavedLink(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3])));
            }
        }
        return out;
    }

    private static void nodeFormat(SavedNode n, Map<String, String> workflowVariables, List<String> problems) throws Exception {
        ConfigXml s = ConfigXml.read(n.settingsFile(), "settings.xml", problems);
        s.expect(problems, "node_file settings.xml", "settings.xml".equals(s.value("node_file", "xstring", problems)));
        s.config("flow_stack", problems);
        ConfigXml internal = s.config("internal_node_subsettings", problems);
        if (internal != null) {
            internal.value("memory_policy", "xstring", problems);
        }
        ConfigXml model = s.config("model", problems);
        s.expect(problems, "state IDLE or CONFIGURED", NODE_STATES.contains(s.value("state", "xstring", problems)));
        s.value("factory", "xstring", problems);
        String name = s.value("node-name", "xstring", problems);
        for (String k : List.of("node-bundle-name", "node-bundle-symbolic-name", "node-bundle-vendor", "name")) {
            s.value(k, "xstring", problems);
        }
        s.config("factory_settings", problems);
        s.expect(problems, "hasContent false (no data saved)", "false".equals(s.value("hasContent", "xboolean", problems)));
        s.expect(problems, "isInactive false", "false".equals(s.value("isInactive", "xboolean", problems)));
        s.config("ports", problems);
        s.config("filestores", problems);
        String folder = n.settingsFile().getParent().getFileName().toString();
        s.expect(problems, "folder named '" + name + " (#" + n.id() + ")', not '" + folder + "'", (name + " (#" + n.id() + ")").equals(folder));
        if (s.has("variables") && model != null) {
            ConfigXml vars = s.config("variables", problems);
            vars.value("version", "xstring", problems);
            ConfigXml tree = vars.config("tree", problems);
            if (tree != null) {
                tree.configs().forEach((key, v) -> {
                    String used = v.value("used_variable", "xstring", problems);
                    v.expect(problems, "entry exposed_variable", v.entryTypes().containsKey("exposed_variable"));
                    String settingType = model.entryTypes().get(key);
                    v.expect(problems, "a model setting '" + key + "'", settingType != null);
                    v.expect(problems, "workflow variable '" + used + "'", workflowVariables.containsKey(used));
                    if (settingType != null && workflowVariables.containsKey(used)) {
                        v.expect(problems, "variable '" + used + "' (" + workflowVariables.get(used) + ") of the setting's type " + settingType,
                                settingType.equals(workflowVariables.get(used)));
                    }
                });
            }
        }
    }

    /** Every node through its real NodeModel: registered factory, settings accepted and saved back identically, ports. */
    static List<String> nodes(Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        ConfigXml w = ConfigXml.read(dir.resolve("workflow.knime"), "workflow.knime", problems);
        List<String> registered = OsgiTestSupport.registeredFactories();
        Map<Integer, NodeModel> models = new HashMap<>();
        for (SavedNode n : nodes(dir, w, problems).values()) {
            String at = dir.getFileName() + "/" + dir.relativize(n.settingsFile());
            NodeSettingsRO saved;
            try (InputStream in = Files.newInputStream(n.settingsFile())) {
                saved = NodeSettings.loadFromXML(in);
            }
            String factory = saved.getString("factory");
            if (!registered.contains(factory)) {
                problems.add(at + ": factory " + factory + " is not registered in plugin.xml");
                continue;
            }
            NodeModel model = NodeModels.factory(factory).createNodeModel();
            NodeSettings settings = (NodeSettings) saved.getNodeSettings("model");
            try {
                NodeModels.validate(model, settings);
                NodeModels.load(model, settings);
            } catch (Exception e) {
                problems.add(at + ": the node refuses its settings: " + e.getMessage());
                continue;
            }
            NodeSettings again = new NodeSettings("model");
            NodeModels.save(model, again);
            if (!SettingsXml.of(again).equals(SettingsXml.of(settings))) {
                problems.add(at + ": model settings are not exactly what the node saves (keys, types, order or values differ):\n"
                        + SettingsXml.of(settings) + "\nthe node saves:\n" + SettingsXml.of(again));
            }
            models.put(n.id(), model);
        }
        Set<String> connectedInputs = new HashSet<>();
        for (SavedLink l : links(w, problems)) {
            NodeModel source = models.get(l.source());
            NodeModel dest = models.get(l.dest());
            if (source == null || dest == null) {
                continue;
            }
            if (l.sourcePort() < 1 || l.sourcePort() > NodeModels.outPorts(source)) {
                problems.add("connection " + l + ": node " + l.source() + " has no data out-port " + l.sourcePort());
            }
            if (l.destPort() < 1 || l.destPort() > NodeModels.inPorts(dest)) {
                problems.add("connection " + l + ": node " + l.dest() + " has no data in-port " + l.destPort());
            }
            if (!connectedInputs.add(l.dest() + ":" + l.destPort())) {
                problems.add("connection " + l + ": in-port " + l.destPort() + " of node " + l.dest() + " is connected twice");
            }
        }
        for (Map.Entry<Integer, NodeModel> m : models.entrySet()) {
            for (int p = 0; p < NodeModels.inPorts(m.getValue()); p++) {
                if (!NodeModels.inPortOptional(m.getValue(), p) && !connectedInputs.contains(m.getKey() + ":" + (p + 1))) {
                    problems.add("node " + m.getKey() + ": required in-port " + (p + 1) + " is not connected");
                }
            }
        }
        return problems;
    }
}

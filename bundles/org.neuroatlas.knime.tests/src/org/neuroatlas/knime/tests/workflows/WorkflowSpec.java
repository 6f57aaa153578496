package org.neuroatlas.knime.tests.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example workflow as we describe it: workflow variables, NeuroAtlas nodes with the settings that differ from
 * their defaults and the settings bound to workflow variables, connections and annotations. {@link WorkflowWriter}
 * turns it into the folder KNIME opens.
 *
 * @param folder    the workflow's folder under {@code example-workflows/}
 * @param variables the workflow variables (the inputs a batch run sets with {@code -workflow.variable})
 * @param nodes     the nodes, by id
 * @param links     the data connections
 * @param notes     workflow annotations
 */
public record WorkflowSpec(String folder, List<Variable> variables, List<Node> nodes, List<Link> links, List<Note> notes) {

    /** Workflow variable types, as {@code workflow.knime} ({@code class}) and the batch command line name them. */
    public enum Type {
        STRING("STRING", "String", "xstring"), DOUBLE("DOUBLE", "double", "xdouble"), INTEGER("INTEGER", "int", "xint");

        /** The {@code class} entry of a saved variable. */
        public final String savedClass;
        /** The type in {@code -workflow.variable=name,value,type}. */
        public final String batchName;
        /** The entry type of a setting this variable can control. */
        public final String settingEntryType;

        Type(String savedClass, String batchName, String settingEntryType) {
            this.savedClass = savedClass;
            this.batchName = batchName;
            this.settingEntryType = settingEntryType;
        }
    }

    /** A workflow variable with its default value (as text). */
    public record Variable(String name, Type type, String value) {
    }

    /**
     * A node.
     *
     * @param id        KNIME node id (its folder is {@code Name (#id)})
     * @param factory   node factory class name
     * @param x         left of the node in the editor, px
     * @param y         top of the node in the editor, px
     * @param settings  setting key → value (String, Double, Integer or Boolean) where it differs from the default
     * @param variables setting key → name of the workflow variable that controls it
     * @param label     the text under the node
     */
    public record Node(int id, String factory, int x, int y, Map<String, Object> settings, Map<String, String> variables, String label) {
    }

    /** A data connection; ports are data-port indices as in the node descriptions (0 = first data port). */
    public record Link(int source, int sourcePort, int dest, int destPort) {
    }

    /** A workflow annotation (plain text), at x, y with width w and height h, px. */
    public record Note(String text, int x, int y, int w, int h) {
    }

    static Builder builder(String folder) {
        return new Builder(folder);
    }

    /** Builds a spec in reading order: variables, then each node with its settings, then links and notes. */
    static final class Builder {
        private final String folder;
        private final List<Variable> variables = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private Map<String, Object> settings;
        private Map<String, String> bindings;

        private Builder(String folder) {
            this.folder = folder;
        }

        Builder variable(String name, Type type, String value) {
            variables.add(new Variable(name, type, value));
            return this;
        }

        /** Starts a node; the following {@link #set} and {@link #bind} calls apply to it. */
        Builder node(int id, String factory, int x, int y, String label) {
            settings = new LinkedHashMap<>();
            bindings = new LinkedHashMap<>();
            nodes.add(new Node(id, factory, x, y, settings, bindings, label));
            return this;
        }

        Builder set(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        Builder bind(String key, String variable) {
            bindings.put(key, variable);
            return this;
        }

        Builder link(int source, int sourcePort, int dest, int destPort) {
            links.add(new Link(source, sourcePort, dest, destPort));
            return this;
        }

        Builder note(String text, int x, int y, int w, int h) {
            notes.add(new Note(text, x, y, w, h));
            return this;
        }

        WorkflowSpec build() {
            return new WorkflowSpec(folder, List.copyOf(variables), List.copyOf(nodes), List.copyOf(links), List.copyOf(notes));
        }
    }
}

package org.neuroatlas.core.volume.hdf5;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

/**
 * Reads HDF5 attributes as text or numbers, whatever way they were stored. Imaris stores every attribute, numbers
 * included, as an array of one-character strings ({@code "1024"} as {@code ["1","0","2","4"]}); other writers use
 * scalar strings, byte arrays or numbers.
 */
final class Hdf5Attributes {

    private Hdf5Attributes() {
    }

    /** The attribute {@code name} of {@code node} as text (character arrays joined), or empty if absent. */
    static Optional<String> text(Node node, String name) {
        Attribute a = node == null ? null : node.getAttributes().get(name);
        if (a == null || a.isEmpty()) {
            return Optional.empty();
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return Optional.of(s.trim());
        }
        if (data instanceof String[] parts) {
            return Optional.of(String.join("", parts).trim());
        }
        if (data instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII).replace("\0", "").trim());
        }
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1) {
            return Optional.of(String.valueOf(Array.get(data, 0)));
        }
        return Optional.ofNullable(data).map(String::valueOf);
    }

    /** The attribute as a number (numeric, or text holding a number), or empty if absent or not a number. */
    static OptionalDouble number(Node node, String name) {
        Optional<String> t = text(node, name);
        if (t.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(t.get()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}

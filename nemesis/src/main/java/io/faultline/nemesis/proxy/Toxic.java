package io.faultline.nemesis.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A toxic as the Toxiproxy API describes it: a named fault on one direction of a proxy.
 *
 * @param name       unique within its proxy
 * @param type       what it does
 * @param stream     which direction it acts on
 * @param toxicity   probability (0..1) that it applies to a given connection
 * @param attributes the type's attributes, each present, non-negative
 */
public record Toxic(String name, ToxicType type, StreamDirection stream, double toxicity,
                    Map<String, Long> attributes) {

    public Toxic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(attributes, "attributes");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("toxic name must not be empty");
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("toxicity of toxic " + name + " must be within 0..1, was " + toxicity);
        }
        Map<String, Long> complete = new LinkedHashMap<>();
        for (String attribute : type.attributes()) {
            long value = attributes.getOrDefault(attribute, 0L);
            if (value < 0) {
                throw new IllegalArgumentException(
                        "attribute " + attribute + " of toxic " + name + " must be >= 0, was " + value);
            }
            complete.put(attribute, value);
        }
        attributes = java.util.Collections.unmodifiableMap(complete);
    }

    /** A toxic with toxicity 1 and the given attributes (others 0). */
    public static Toxic of(String name, ToxicType type, StreamDirection stream, Map<String, Long> attributes) {
        return new Toxic(name, type, stream, 1.0, attributes);
    }

    /** The value of one of the type's attributes. */
    public long attribute(String attribute) {
        Long value = attributes.get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("toxic type " + type.wireName() + " has no attribute " + attribute);
        }
        return value;
    }

    /** This toxic with other attributes merged over its own, and another toxicity. */
    public Toxic updated(double newToxicity, Map<String, Long> newAttributes) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        newAttributes.forEach((key, value) -> {
            if (merged.containsKey(key)) merged.put(key, value);
        });
        return new Toxic(name, type, stream, newToxicity, merged);
    }
}

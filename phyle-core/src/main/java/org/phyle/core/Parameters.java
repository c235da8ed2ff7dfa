package org.phyle.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;

/** The values of every known parameter of a society, sorted by name. Immutable. */
public final class Parameters {
    private final SortedMap<String, Long> values;

    private Parameters(SortedMap<String, Long> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** Every known parameter at its default. */
    public static Parameters defaults() {
        return withOverrides(Map.of());
    }

    /** Defaults with some values replaced; unknown names and values out of range are refused. */
    public static Parameters withOverrides(Map<String, Long> overrides) {
        TreeMap<String, Long> values = new TreeMap<>();
        for (ParameterSpec spec : Catalog.PARAMETERS) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(overrides).entrySet()) {
            ParameterSpec spec = spec(e.getKey());
            long v = e.getValue();
            if (v < spec.min() || v > spec.max()) {
                throw new Rejection(TxCode.MALFORMED, "parameter " + spec.name() + " must be between " + spec.min()
                        + " and " + spec.max() + " " + spec.unit() + ", not " + v);
            }
            values.put(spec.name(), v);
        }
        return new Parameters(values);
    }

    /** Reads a parameters object of a transaction body; omitted parameters take their default. */
    public static Parameters read(Fields fields) {
        TreeMap<String, Long> overrides = new TreeMap<>();
        for (Iterator<String> it = fields.names(); it.hasNext(); ) {
            String name = it.next();
            ParameterSpec spec = spec(name);
            overrides.put(name, fields.integer(name, spec.min(), spec.max()));
        }
        fields.end();
        return withOverrides(overrides);
    }

    public long get(ParameterSpec spec) {
        Long v = values.get(spec.name());
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + spec.name());
        }
        return v;
    }

    public SortedMap<String, Long> asMap() {
        return values;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.forEach(o::put);
        return o;
    }

    public static List<ParameterSpec> specs() {
        return Catalog.PARAMETERS;
    }

    private static ParameterSpec spec(String name) {
        for (ParameterSpec spec : Catalog.PARAMETERS) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        throw new Rejection(TxCode.UNKNOWN_FIELD, "unknown parameter '" + name + "'");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package org.phyle.core;

import java.util.List;

/** Every parameter a society's mechanisms declare; offered as a read view and in the decoding vocabulary. */
public record ParameterSpecs(List<ParameterSpec> all) {
    public ParameterSpecs {
        all = List.copyOf(all);
    }

    /** Every parameter at its default. */
    public Parameters defaults() {
        return Parameters.defaults(all);
    }
}

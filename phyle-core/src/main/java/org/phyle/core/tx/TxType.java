package org.phyle.core.tx;

import java.util.function.Function;

/**
 * A transaction type: its name, a sentence for people, and how to read its body. The reader validates every field
 * and throws a {@link org.phyle.core.Rejection} naming the bad one.
 */
public record TxType(String name, String meaning, Function<Fields, TxBody> reader) {
    public TxType {
        if (!name.matches("[a-z]+\\.[a-z][a-zA-Z]*")) {
            throw new IllegalArgumentException("a tx type is <mechanism>.<action>: " + name);
        }
    }
}

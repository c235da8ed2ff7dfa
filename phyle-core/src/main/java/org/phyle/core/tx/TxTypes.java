package org.phyle.core.tx;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The transaction types a society understands, by name. */
public final class TxTypes {
    private final SortedMap<String, TxType> byName;
    private final Vocabulary vocabulary;

    public TxTypes(Collection<TxType> types) {
        this(types, Vocabulary.EMPTY);
    }

    /** The types, and the vocabulary their readers resolve names in. */
    public TxTypes(Collection<TxType> types, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        TreeMap<String, TxType> map = new TreeMap<>();
        for (TxType t : types) {
            if (map.put(t.name(), t) != null) {
                throw new IllegalArgumentException("tx type declared twice: " + t.name());
            }
        }
        this.byName = Collections.unmodifiableSortedMap(map);
    }

    public TxType get(String name) {
        return byName.get(name);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<TxType> all() {
        return List.copyOf(byName.values());
    }
}

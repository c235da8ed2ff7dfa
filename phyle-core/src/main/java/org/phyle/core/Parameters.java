package org.phyle.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.VerifyingKey;

/**
 * The values of every known parameter of a society, sorted by name. Immutable. A value is a {@code Long} (integer
 * parameters), an unmodifiable {@code List<VerifyingKey>} (lists of keys) or a {@code String} (names).
 */
public final class Parameters {
    /**
     * The parameters every society had from its genesis when the format was fixed: a genesis that omits one of these
     * takes its default into its charter. A parameter added later (with a new mechanism) is in a charter only once
     * its genesis or an amendment sets it, and reads as its default until then, so that an existing society's
     * charter, and the hash its citizens consented to, stay the same when the software adds a mechanism.
     */
    static final Set<String> FIRST_SET = Set.of(
            "charter.backstopYears", "charter.canonEndorsements", "charter.commonwealthAt",
            "charter.commonwealthName", "charter.communityAt", "charter.communityName", "charter.councilSize",
            "charter.councilTermDays", "charter.entrenchedBp", "charter.foundingName", "charter.referendumBp",
            "charter.republicAt", "charter.republicName", "charter.sovereignAt", "charter.sovereignName",
            "citizenship.hostRegistrars", "citizenship.juryDays", "citizenship.jurySize", "citizenship.maxGuardians",
            "citizenship.recoveryDelayDays", "citizenship.renewalDays", "citizenship.vouchBanDays",
            "citizenship.vouchPeriodDays", "citizenship.vouchesPerPeriod", "citizenship.vouchesRequired",
            "governance.deliberationHours", "governance.epochDays", "governance.maxDelegatedBp",
            "governance.minVotingHours", "governance.quorumBp", "governance.sponsorsRequired",
            "governance.timelockHours", "governance.voiceCredits", "governance.votingHours", "sortition.commitHours",
            "sortition.minPanel", "sortition.outsideShareBp", "sortition.panelKinds", "sortition.panelSize",
            "sortition.revealHours", "sortition.stratify", "tx.maxBytes", "tx.maxLifetimeSeconds");

    private final List<ParameterSpec> specs;
    private final SortedMap<String, Object> values;

    private Parameters(List<ParameterSpec> specs, SortedMap<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** Every parameter the mechanisms declare, at its default. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        TreeMap<String, Object> values = new TreeMap<>();
        for (ParameterSpec spec : specs) {
            values.put(spec.name(), switch (spec.kind()) {
                case INTEGER -> spec.defaultValue();
                case KEYS -> List.of();
                case NAME -> spec.defaultText();
            });
        }
        return new Parameters(List.copyOf(specs), values);
    }

    /** These parameters with one integer replaced; unknown names and values out of range are refused. */
    public Parameters with(String name, long value) {
        ParameterSpec spec = spec(name);
        if (spec.kind() != ParameterSpec.Kind.INTEGER) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " is not an integer");
        }
        if (value < spec.min() || value > spec.max()) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " must be between " + spec.min() + " and "
                    + spec.max() + " " + spec.unit() + ", not " + value);
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new Parameters(specs, copy);
    }

    /** These parameters with one list of keys replaced. */
    public Parameters withKeys(String name, List<VerifyingKey> keys) {
        ParameterSpec spec = spec(name);
        if (spec.kind() != ParameterSpec.Kind.KEYS) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " is not a list of keys");
        }
        if (keys.size() > spec.max()) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " holds at most " + spec.max() + " keys");
        }
        if (new LinkedHashSet<>(keys).size() != keys.size()) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " names a key twice");
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(name, List.copyOf(keys));
        return new Parameters(specs, copy);
    }

    /** These parameters with one name replaced: one line, within the spec's length. */
    public Parameters withName(String name, String text) {
        ParameterSpec spec = spec(name);
        if (spec.kind() != ParameterSpec.Kind.NAME) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " is not a name");
        }
        if (text.length() < spec.min() || text.length() > spec.max() || text.contains("\n") || text.contains("\r")
                || !text.strip().equals(text)) {
            throw new Rejection(TxCode.MALFORMED, "parameter " + name + " is one line of " + spec.min() + " to "
                    + spec.max() + " characters without surrounding spaces");
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(name, text);
        return new Parameters(specs, copy);
    }

    /** Textual overrides, as the CLI takes them: integers, comma-separated did:keys, or names. */
    public Parameters withText(Map<String, String> overrides) {
        Parameters p = this;
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            ParameterSpec spec = spec(e.getKey());
            String text = e.getValue().trim();
            if (spec.kind() == ParameterSpec.Kind.INTEGER) {
                try {
                    p = p.with(spec.name(), Long.parseLong(text));
                } catch (NumberFormatException ex) {
                    throw new Rejection(TxCode.MALFORMED, "parameter " + spec.name() + " is an integer, not '" + text + "'");
                }
            } else if (spec.kind() == ParameterSpec.Kind.NAME) {
                p = p.withName(spec.name(), text);
            } else {
                List<VerifyingKey> keys = new ArrayList<>();
                for (String did : text.isEmpty() ? new String[0] : text.split(",")) {
                    try {
                        keys.add(VerifyingKey.fromDid(did.trim()));
                    } catch (InvalidKeyException ex) {
                        throw new Rejection(TxCode.INVALID_KEY, "parameter " + spec.name() + ": " + ex.getMessage());
                    }
                }
                p = p.withKeys(spec.name(), keys);
            }
        }
        return p;
    }

    /**
     * Reads a parameters object of a transaction body; an omitted parameter of the {@link #FIRST_SET} takes its
     * default into the set, any other omitted one reads as its default without being set.
     */
    public static Parameters read(Fields fields, List<ParameterSpec> specs) {
        List<ParameterSpec> first = specs.stream().filter(spec -> FIRST_SET.contains(spec.name())).toList();
        Parameters p = new Parameters(List.copyOf(specs), new TreeMap<>(defaults(first).values));
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = fields.names(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (String name : names) {
            ParameterSpec spec = p.spec(name);
            if (spec.kind() == ParameterSpec.Kind.INTEGER) {
                p = p.with(name, fields.integer(name, spec.min(), spec.max()));
            } else if (spec.kind() == ParameterSpec.Kind.NAME) {
                p = p.withName(name, fields.line(name, (int) spec.min(), (int) spec.max()));
            } else {
                JsonNode list = fields.value(name);
                if (!list.isArray()) {
                    throw new Rejection(TxCode.MALFORMED, fields.path() + "." + name + " must be an array of did:keys");
                }
                List<VerifyingKey> keys = new ArrayList<>();
                for (JsonNode k : list) {
                    if (!k.isTextual()) {
                        throw new Rejection(TxCode.MALFORMED, fields.path() + "." + name + " must hold did:key strings");
                    }
                    try {
                        keys.add(VerifyingKey.fromDid(k.textValue()));
                    } catch (InvalidKeyException e) {
                        throw new Rejection(TxCode.INVALID_KEY, fields.path() + "." + name + ": " + e.getMessage());
                    }
                }
                p = p.withKeys(name, keys);
            }
        }
        fields.end();
        return p;
    }

    public long get(ParameterSpec spec) {
        Object v = values.containsKey(spec.name()) ? values.get(spec.name()) : defaultOf(spec);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("no integer parameter " + spec.name());
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    public List<VerifyingKey> keys(ParameterSpec spec) {
        Object v = values.containsKey(spec.name()) ? values.get(spec.name()) : defaultOf(spec);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("no key-list parameter " + spec.name());
        }
        return (List<VerifyingKey>) l;
    }

    public String name(ParameterSpec spec) {
        Object v = values.containsKey(spec.name()) ? values.get(spec.name()) : defaultOf(spec);
        if (!(v instanceof String t)) {
            throw new IllegalArgumentException("no name parameter " + spec.name());
        }
        return t;
    }

    /** A parameter's default value, as it is held (null for a name no mechanism declares). */
    private Object defaultOf(ParameterSpec spec) {
        if (specs.stream().noneMatch(s -> s.name().equals(spec.name()))) {
            return null;
        }
        return switch (spec.kind()) {
            case INTEGER -> spec.defaultValue();
            case KEYS -> List.of();
            case NAME -> spec.defaultText();
        };
    }

    /** The values set (by the genesis or an amendment): Long, List&lt;VerifyingKey&gt; or String, by name. */
    public SortedMap<String, Object> asMap() {
        return values;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.forEach((name, v) -> {
            if (v instanceof Long l) {
                o.put(name, l);
            } else if (v instanceof String t) {
                o.put(name, t);
            } else {
                ArrayNode a = o.putArray(name);
                for (Object k : (List<?>) v) {
                    a.add(((VerifyingKey) k).did());
                }
            }
        });
        return o;
    }

    /** The parameters these values are for: every one the society's mechanisms declare. */
    public List<ParameterSpec> specs() {
        return specs;
    }

    public ParameterSpec spec(String name) {
        for (ParameterSpec spec : specs) {
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
        return toJson().toString();
    }
}

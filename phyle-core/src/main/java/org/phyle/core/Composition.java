package org.phyle.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.proposals.ProposalKinds;
import org.phyle.core.tx.TxType;
import org.phyle.core.tx.TxTypes;
import org.phyle.core.tx.Vocabulary;

/**
 * A society's mechanisms, in order, and what follows from their declarations: which mechanism applies each
 * transaction type, which receive each effect, which carries out each proposal kind, every parameter, rejection code
 * and rule, and the read views they offer one another. The order is the order of dispatch at the end of a block and
 * of the snapshot's sections. A new mechanism is one more element of the list; nothing else changes.
 */
public final class Composition {
    private final List<Mechanism> mechanisms;
    private final List<Mechanism.Declarations> declarations = new ArrayList<>();
    private final Map<String, Mechanism> byTxType = new HashMap<>();
    private final Map<Class<?>, List<Mechanism>> receivers = new HashMap<>();
    private final Map<String, Mechanism> kindOwners = new LinkedHashMap<>();
    private final TxTypes txTypes;
    private final ParameterSpecs parameters;
    private final List<RejectionCode> codes;
    private final ProposalKinds kinds;
    private final ParameterRules rules;
    private final Vocabulary vocabulary;
    private final Reads reads = new Reads();

    public Composition(List<Mechanism> mechanisms) {
        this.mechanisms = List.copyOf(mechanisms);
        List<TxType> types = new ArrayList<>(GenesisTx.TX_TYPES);
        List<ParameterSpec> specs = new ArrayList<>(TxRules.PARAMETERS);
        List<RejectionCode> allCodes = new ArrayList<>(List.of(org.phyle.core.tx.TxCode.values()));
        List<ProposalKind> allKinds = new ArrayList<>();
        List<Mechanism.ParameterRule> allRules = new ArrayList<>();
        for (Mechanism m : this.mechanisms) {
            Mechanism.Declarations d = m.declarations();
            declarations.add(d);
            for (TxType t : d.txTypes()) {
                if (byTxType.put(t.name(), m) != null) {
                    throw new IllegalArgumentException("two mechanisms apply " + t.name());
                }
            }
            types.addAll(d.txTypes());
            specs.addAll(d.parameters());
            allCodes.addAll(d.codes());
            for (ProposalKind k : d.proposalKinds()) {
                if (kindOwners.put(k.name(), m) != null) {
                    throw new IllegalArgumentException("two mechanisms declare the proposal kind " + k.name());
                }
                allKinds.add(k);
            }
            for (Class<? extends Effect> e : d.receives()) {
                receivers.computeIfAbsent(e, x -> new ArrayList<>()).add(m);
            }
            allRules.addAll(d.rules());
            d.views().forEach(reads::offer);
        }
        specs.sort(Comparator.comparing(ParameterSpec::name)); // listed by name, whatever the composition's order
        this.parameters = new ParameterSpecs(specs);
        this.codes = List.copyOf(allCodes);
        this.kinds = new ProposalKinds(allKinds);
        this.rules = new ParameterRules(allRules, kinds);
        this.vocabulary = Vocabulary.EMPTY.with(ProposalKinds.class, kinds).with(ParameterSpecs.class, parameters)
                .with(ParameterRules.class, rules);
        this.txTypes = new TxTypes(types, vocabulary);
        reads.offer(new View<>(ProposalKinds.class, kinds));
        reads.offer(new View<>(ParameterSpecs.class, parameters));
        reads.offer(new View<>(ParameterRules.class, rules));
        reads.offer(new View<>(Vocabulary.class, vocabulary));
    }

    /** A new composition of these mechanisms and one more, after them. */
    public Composition plus(Mechanism mechanism) {
        List<Mechanism> all = new ArrayList<>(mechanisms);
        all.add(mechanism);
        return new Composition(all);
    }

    public List<Mechanism> mechanisms() {
        return mechanisms;
    }

    public List<Mechanism.Declarations> declarations() {
        return List.copyOf(declarations);
    }

    /** Every transaction type, the genesis's included, with the vocabulary their readers resolve names in. */
    public TxTypes txTypes() {
        return txTypes;
    }

    public ParameterSpecs parameters() {
        return parameters;
    }

    public List<RejectionCode> codes() {
        return codes;
    }

    public ProposalKinds proposalKinds() {
        return kinds;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The read views of the mechanisms (and of the society, once it offers its head). */
    public Reads reads() {
        return reads;
    }

    /** The mechanism that applies a transaction type, or null (the genesis, or a type nobody declares). */
    Mechanism mechanismFor(String txType) {
        return byTxType.get(txType);
    }

    /** Routes an effect: a Carry to the mechanism that declares its kind, anything else to its declared receivers. */
    void route(Effect effect, BlockContext ctx) {
        List<Mechanism> to;
        if (effect instanceof Carry c) {
            Mechanism owner = kindOwners.get(c.action().kind());
            to = owner == null ? null : List.of(owner);
        } else {
            to = receivers.get(effect.getClass());
        }
        if (to == null) {
            if (effect instanceof Effect.Notice) {
                return;
            }
            throw new IllegalStateException("no mechanism receives " + effect.getClass().getName());
        }
        for (Mechanism m : to) {
            try {
                m.receive(effect, ctx);
            } catch (Rejection r) {
                throw new IllegalStateException(m.declarations().name() + " refused " + effect.getClass().getName()
                        + ", which its sender should have checked: " + r, r);
            }
        }
    }
}

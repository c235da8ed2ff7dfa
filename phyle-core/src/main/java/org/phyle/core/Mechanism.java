package org.phyle.core;

import java.util.List;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.proposals.ProposalKinds;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxType;

/**
 * One mechanism of a society (citizenship, governance, the charter, ...): it owns a slice of the state, its
 * transaction types, parameters, rejection codes and proposal kinds, and meets the others only through their read
 * views ({@link Reads}) and effects ({@link Effect}). {@link Society} composes a list of them and knows nothing of
 * any one: it dispatches each transaction to the mechanism that declares its type, routes effects, ends blocks,
 * asks when something is next due, and writes and reads each one's slice of the snapshot, in the list's order.
 *
 * <p>Rules: {@link #apply} and {@link #receive} check everything that could refuse before they change anything; a
 * receiver never refuses an effect (its sender checked); nothing here does I/O, reads a clock, starts a thread, draws
 * a random number or uses floating point.
 */
public interface Mechanism {
    /** What the mechanism declares: see {@link Declarations}. */
    Declarations declarations();

    /** The state at the genesis. Called once, before anything else, on a new society; by default nothing. */
    default void genesis(Founding founding) {
    }

    /** Applies one of this mechanism's transactions, or throws a {@link Rejection} having changed nothing. */
    void apply(TxBody body, TxContext ctx);

    /** Carries out an effect of a type this mechanism declared it receives. Never refuses. */
    default void receive(Effect effect, BlockContext ctx) {
        throw new IllegalStateException(getClass().getSimpleName() + " receives no " + effect.getClass().getName());
    }

    /** What happens at the end of every block, sealed or applied: what is due by the block's time. */
    default void endBlock(BlockContext ctx) {
    }

    /**
     * The earliest time after the last block at which this mechanism has something due at the end of a block
     * ({@code Long.MAX_VALUE}: nothing), so that the node cuts a block then.
     */
    default long nextDue(long lastBlockTime) {
        return Long.MAX_VALUE;
    }

    /** Writes this mechanism's slice of the snapshot: canonical, so equal states write equal bytes. */
    void write(StateWriter w);

    /**
     * Reads this mechanism's slice of a snapshot into this (new, empty) mechanism; {@code reads} offers what the
     * society composes (the vocabulary of proposal kinds and parameters), not other mechanisms' state, which may not
     * be read yet.
     */
    void read(StateReader r, Reads reads);

    /**
     * What a mechanism declares: its name (the snapshot section), transaction types, parameters, rejection codes,
     * the proposal kinds it adds (and carries out when they pass), the effect types it receives, the read views it
     * offers, and its rules on the parameters as a whole (checked at the genesis and on every change).
     */
    record Declarations(String name, List<TxType> txTypes, List<ParameterSpec> parameters,
                        List<RejectionCode> codes, List<ProposalKind> proposalKinds,
                        List<Class<? extends Effect>> receives, List<View<?>> views, List<ParameterRule> rules) {
        public Declarations {
            txTypes = List.copyOf(txTypes);
            parameters = List.copyOf(parameters);
            codes = List.copyOf(codes);
            proposalKinds = List.copyOf(proposalKinds);
            receives = List.copyOf(receives);
            views = List.copyOf(views);
            rules = List.copyOf(rules);
        }

        /** A mechanism that declares only a name; add the rest with the {@code with...} methods. */
        public static Declarations of(String name) {
            return new Declarations(name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public Declarations withTxTypes(List<TxType> t) {
            return new Declarations(name, t, parameters, codes, proposalKinds, receives, views, rules);
        }

        public Declarations withParameters(List<ParameterSpec> p) {
            return new Declarations(name, txTypes, p, codes, proposalKinds, receives, views, rules);
        }

        public Declarations withCodes(List<? extends RejectionCode> c) {
            return new Declarations(name, txTypes, parameters, List.copyOf(c), proposalKinds, receives, views, rules);
        }

        public Declarations withProposalKinds(List<ProposalKind> k) {
            return new Declarations(name, txTypes, parameters, codes, k, receives, views, rules);
        }

        public Declarations withReceives(List<Class<? extends Effect>> r) {
            return new Declarations(name, txTypes, parameters, codes, proposalKinds, r, views, rules);
        }

        public Declarations withViews(List<View<?>> v) {
            return new Declarations(name, txTypes, parameters, codes, proposalKinds, receives, v, rules);
        }

        public Declarations withRules(List<ParameterRule> r) {
            return new Declarations(name, txTypes, parameters, codes, proposalKinds, receives, views, r);
        }
    }

    /** A rule on a whole set of parameters: throws a Rejection if the set breaks it. */
    @FunctionalInterface
    interface ParameterRule {
        void check(Parameters parameters, ProposalKinds kinds);
    }
}

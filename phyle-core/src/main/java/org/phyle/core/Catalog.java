package org.phyle.core;

import java.util.List;
import org.phyle.core.authority.AuthorityMechanism;
import org.phyle.core.canon.CanonMechanism;
import org.phyle.core.charter.CharterMechanism;
import org.phyle.core.citizenship.CitizenshipMechanism;
import org.phyle.core.discussion.DiscussionMechanism;
import org.phyle.core.economy.EconomyMechanism;
import org.phyle.core.governance.GovernanceMechanism;
import org.phyle.core.land.LandMechanism;
import org.phyle.core.notary.NotaryMechanism;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.sortition.SortitionMechanism;
import org.phyle.core.tx.TxTypes;

/**
 * The standard composition of a society: its mechanisms, in order, and what they declare. Adding a mechanism is one
 * line in {@link #standard}. The order is that of the end of a block (governance executes what is due before the
 * charter counts the citizens for its stage) and of the snapshot.
 */
public final class Catalog {
    private Catalog() {
    }

    /** A new set of the standard mechanisms, empty, for one society. */
    public static Composition standard() {
        return new Composition(List.of(
                new NotaryMechanism(),
                new CitizenshipMechanism(),
                new SortitionMechanism(),
                new GovernanceMechanism(),
                new EconomyMechanism(),
                new LandMechanism(),
                new CharterMechanism(),
                new CanonMechanism(),
                new DiscussionMechanism(),
                new AuthorityMechanism()));
    }

    private static final Composition DECLARED = standard();

    /** Every transaction type of the standard composition. */
    public static final TxTypes TX_TYPES = DECLARED.txTypes();

    /** Every parameter of the standard composition. */
    public static final List<ParameterSpec> PARAMETERS = DECLARED.parameters().all();

    /** Every rejection code of the standard composition. */
    public static final List<RejectionCode> CODES = DECLARED.codes();

    /** Every proposal kind of the standard composition. */
    public static final List<ProposalKind> PROPOSAL_KINDS = DECLARED.proposalKinds().all();

    /** Every parameter of the standard composition at its default. */
    public static Parameters defaultParameters() {
        return DECLARED.parameters().defaults();
    }
}

package org.phyle.core;

import java.util.ArrayList;
import java.util.List;
import org.phyle.core.citizenship.CitizenshipCode;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.canon.Canon;
import org.phyle.core.canon.CanonCode;
import org.phyle.core.charter.CharterActions;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.charter.CharterTx;
import org.phyle.core.governance.Actions;
import org.phyle.core.governance.Governance;
import org.phyle.core.governance.GovernanceCode;
import org.phyle.core.governance.GovernanceParams;
import org.phyle.core.governance.ProposalKind;
import org.phyle.core.notary.Notary;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.sortition.SortitionCode;
import org.phyle.core.sortition.SortitionParams;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxRules;
import org.phyle.core.tx.TxTypes;

/**
 * Everything the mechanisms declare, in one place: transaction types, parameters, rejection codes and proposal
 * kinds. Adding a mechanism means listing it here and giving it a case in {@link Society}'s dispatch.
 */
public final class Catalog {
    public static final TxTypes TX_TYPES = new TxTypes(concat(GenesisTx.TX_TYPES, Notary.TX_TYPES, Registry.TX_TYPES,
            Governance.TX_TYPES, CharterTx.TYPES, Canon.TX_TYPES, Sortition.TX_TYPES));

    public static final List<ParameterSpec> PARAMETERS = concat(TxRules.PARAMETERS, CitizenshipParams.ALL,
            GovernanceParams.ALL, CharterParams.ALL, SortitionParams.ALL);

    public static final List<RejectionCode> CODES = concat(List.of(TxCode.values()),
            List.of(CitizenshipCode.values()), List.of(GovernanceCode.values()), List.of(CharterCode.values()),
            List.of(CanonCode.values()), List.of(SortitionCode.values()));

    /** The kinds of proposal: governance's own, and those other mechanisms add. */
    public static final List<ProposalKind> PROPOSAL_KINDS = concat(Actions.KINDS, CharterActions.KINDS);

    private Catalog() {
    }

    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}

package org.phyle.core.governance;

import java.util.List;
import org.phyle.core.proposals.ProposalKind;

/** Governance's own kind of proposal: a signal, which carries no action. */
public final class Actions {
    private Actions() {
    }

    public static final ProposalKind SIGNAL = new ProposalKind("signal",
            "A statement of the citizens' view; binding on nothing.", f -> {
                f.end();
                return null;
            });

    public static final List<ProposalKind> KINDS = List.of(SIGNAL);
}

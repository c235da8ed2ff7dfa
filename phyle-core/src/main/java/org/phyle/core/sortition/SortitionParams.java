package org.phyle.core.sortition;

import java.util.List;
import org.phyle.core.ParameterSpec;

/** Draws and outside representation. */
public final class SortitionParams {
    private SortitionParams() {
    }

    public static final ParameterSpec COMMIT_HOURS = new ParameterSpec("sortition.commitHours", 1, 0, 168, "hours",
            "When the society has stewards: how long they have to commit secrets to a draw after it is requested.");
    public static final ParameterSpec REVEAL_HOURS = new ParameterSpec("sortition.revealHours", 1, 0, 168, "hours",
            "Then how long they have to reveal them; the node's VRF proof comes after.");
    public static final ParameterSpec OUTSIDE_SHARE_BP = new ParameterSpec("sortition.outsideShareBp", 2_000, 0, 5_000,
            "basis points", "The share of a proposal's result given to a panel of host residents drawn by lot.");
    public static final ParameterSpec PANEL_SIZE = new ParameterSpec("sortition.panelSize", 101, 1, 10_001, "people",
            "How many host residents a panel has (fewer if fewer are registered).");
    public static final ParameterSpec MIN_PANEL = new ParameterSpec("sortition.minPanel", 5, 1, 10_001, "people",
            "With fewer host residents than this, a proposal has no outside panel.");
    public static final ParameterSpec STRATIFY = new ParameterSpec("sortition.stratify", 1, 0, 1, "0 or 1",
            "1: a panel's seats are shared among regions in proportion to their host residents.");
    public static final ParameterSpec PANEL_KINDS = ParameterSpec.name("sortition.panelKinds",
            "parameter,text,stewards", "The proposal kinds that get an outside panel, separated by commas (or none).");

    /** The kinds that get a panel. */
    public static java.util.Set<String> panelKinds(org.phyle.core.Parameters p) {
        String v = p.name(PANEL_KINDS);
        return v.equals("none") ? java.util.Set.of() : java.util.Set.of(v.split(","));
    }

    /** Throws unless every listed kind is a proposal kind (or the list is "none"). */
    public static void checkPanelKinds(org.phyle.core.Parameters p, org.phyle.core.proposals.ProposalKinds kinds) {
        String v = p.name(PANEL_KINDS);
        if (v.equals("none")) {
            return;
        }
        java.util.List<String> known = kinds.names();
        for (String kind : v.split(",", -1)) {
            if (!known.contains(kind)) {
                throw new org.phyle.core.Rejection(org.phyle.core.tx.TxCode.MALFORMED, PANEL_KINDS.name()
                        + " lists proposal kinds from " + known + " separated by commas, or none; not \"" + kind + "\"");
            }
        }
    }

    public static final List<ParameterSpec> ALL = List.of(COMMIT_HOURS, REVEAL_HOURS, OUTSIDE_SHARE_BP, PANEL_SIZE,
            MIN_PANEL, STRATIFY, PANEL_KINDS);
}

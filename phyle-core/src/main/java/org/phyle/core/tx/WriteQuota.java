package org.phyle.core.tx;

import java.util.List;
import org.phyle.core.ParameterSpec;

/**
 * The charter parameters that bound how much each key may write per period. They are read by the node when it admits a
 * transaction (admission policy, like the size of its mempool), not by the rules that apply a block: a transaction in
 * a block is never void for having exceeded a quota, so replaying a ledger never depends on which node admitted what,
 * or when. The society sets the figures; each node enforces them at its door.
 *
 * <p>Who may write how much: the founder, the stewards, the council and the node itself are never limited (their duties
 * must not be starved); a citizen in good standing has {@link #CITIZEN} writes per period; any other key (an applicant,
 * a host resident, a lapsed citizen, a key nobody registered) has {@link #GUEST}, and all such keys together have
 * {@link #ALL_GUESTS}, so that fresh keys cannot add up to a flood.
 */
public final class WriteQuota {
    public static final ParameterSpec PERIOD = new ParameterSpec("quota.periodSeconds", 3600, 60, 7 * 86400, "seconds",
            "The period over which write quotas are counted; counts start again at each multiple of it since the epoch.");
    public static final ParameterSpec CITIZEN = new ParameterSpec("quota.citizenWrites", 600, 1, 1_000_000,
            "transactions", "How many transactions a citizen in good standing may send a node in one period.");
    public static final ParameterSpec GUEST = new ParameterSpec("quota.guestWrites", 30, 0, 1_000_000, "transactions",
            "How many transactions a key that is not a citizen in good standing (an applicant, a resident, an unknown "
            + "key) may send a node in one period.");
    public static final ParameterSpec ALL_GUESTS = new ParameterSpec("quota.allGuestsWrites", 3000, 0, 100_000_000,
            "transactions", "How many transactions all keys that are not citizens in good standing may send a node "
            + "together in one period.");

    public static final List<ParameterSpec> PARAMETERS = List.of(PERIOD, CITIZEN, GUEST, ALL_GUESTS);

    private WriteQuota() {
    }
}

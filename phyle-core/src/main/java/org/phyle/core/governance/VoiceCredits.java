package org.phyle.core.governance;

import static org.phyle.core.governance.GovernanceParams.HOUR_MS;

import java.util.TreeMap;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * Voice credits for quadratic votes: each citizen has {@code governance.voiceCredits} per epoch of
 * {@code governance.epochDays}, shared by every quadratic vote open in that epoch; a ballot of votes v costs the sum
 * of v², and a new ballot on the same proposal refunds the one it replaces. Credits come from citizenship alone;
 * nothing here reads a balance.
 */
final class VoiceCredits {
    /** epoch → person → voice credits spent. */
    private final TreeMap<Long, TreeMap<Integer, Long>> spent = new TreeMap<>();

    /** The index of the epoch a time falls in. */
    static long epochOf(long time, long genesisTime, Parameters p) {
        return (time - genesisTime) / (p.get(GovernanceParams.EPOCH_DAYS) * 24 * HOUR_MS);
    }

    long spent(long epoch, int person) {
        TreeMap<Integer, Long> m = spent.get(epoch);
        return m == null ? 0 : m.getOrDefault(person, 0L);
    }

    /**
     * Charges a quadratic ballot to the voter's credits in the proposal's epoch, refunding the one it replaces; throws
     * OVER_BUDGET, having changed nothing, if the voter has too few left.
     */
    void charge(Proposal p, int voter, long cost, long refund) {
        long already = spent(p.epoch, voter);
        long after = already - refund + cost;
        if (after > p.voiceCredits) {
            throw new Rejection(GovernanceCode.OVER_BUDGET, "this ballot costs " + cost + " voice credits; you have "
                    + (p.voiceCredits - already + refund) + " left in this epoch");
        }
        // checked; now change (a refused ballot must leave no trace, not even an empty entry)
        TreeMap<Integer, Long> m = spent.computeIfAbsent(p.epoch, e -> new TreeMap<>());
        if (after == 0) {
            m.remove(voter);
            if (m.isEmpty()) {
                spent.remove(p.epoch);
            }
        } else {
            m.put(voter, after);
        }
    }

    void write(StateWriter w) {
        w.writeInt(spent.size());
        spent.forEach((epoch, m) -> {
            w.writeLong(epoch);
            w.writeInt(m.size());
            m.forEach((person, credits) -> {
                w.writeInt(person);
                w.writeLong(credits);
            });
        });
    }

    void read(StateReader r) {
        int e = r.readCount();
        for (int i = 0; i < e; i++) {
            long epoch = r.readLong();
            int people = r.readCount();
            TreeMap<Integer, Long> m = new TreeMap<>();
            for (int j = 0; j < people; j++) {
                m.put(r.readInt(), r.readLong());
            }
            spent.put(epoch, m);
        }
    }
}

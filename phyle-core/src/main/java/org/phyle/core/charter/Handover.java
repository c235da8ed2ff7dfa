package org.phyle.core.charter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.phyle.core.Parameters;
import org.phyle.core.proposals.CommunityPower;
import org.phyle.core.Rejection;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * The exit to community, as state: the stage the society has reached, when each stage began and why, and whether
 * the founder retired. A stage begins at the end of the block in which the citizens in good standing reach its
 * threshold (or its time backstop runs out); stages never end and retirement is never undone, so the founder's
 * powers can only shrink.
 */
public final class Handover {
    static final long YEAR_MS = 365L * 24 * 3_600_000;

    /** A stage begun: when, in which block, and why. */
    public record Entry(Stage stage, long time, long height, String cause) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long retiredAt;
    private long retiredHeight = -1;

    /** The Founding stage, begun with the genesis. */
    void found(long genesisTime) {
        entries.add(new Entry(Stage.FOUNDING, genesisTime, 0, "the genesis"));
    }

    public Stage stage() {
        return entries.get(entries.size() - 1).stage();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean retired() {
        return retiredHeight >= 0;
    }

    public long retiredAt() {
        return retiredAt;
    }

    public long retiredHeight() {
        return retiredHeight;
    }

    /** What the founder may do now: the stage's founder powers, or none once retired. */
    public Set<Stage.FounderPower> founderPowers() {
        return retired() ? EnumSet.noneOf(Stage.FounderPower.class) : stage().founderPowers();
    }

    public boolean founderMay(Stage.FounderPower power) {
        return founderPowers().contains(power);
    }

    public boolean communityMay(CommunityPower power) {
        return stage().communityPowers().contains(power);
    }

    /** Throws unless the founder holds this power now, naming the stage (or the retirement) that ended it. */
    public void requireFounderPower(Stage.FounderPower power, Parameters p) {
        if (retired()) {
            throw new Rejection(CharterCode.FOUNDER_RETIRED, "the founder retired and holds no powers: they cannot "
                    + power.description());
        }
        if (!stage().founderPowers().contains(power)) {
            throw new Rejection(CharterCode.FOUNDER_POWER_ENDED, "in the " + stage().name(p) + " stage the founder "
                    + "can no longer " + power.description());
        }
    }

    /** Throws if the founder already retired. */
    public void checkNotRetired() {
        if (retired()) {
            throw new Rejection(CharterCode.ALREADY_RETIRED, "the founder already retired; retirement is final");
        }
    }

    /** The founder retires, irreversibly (checked by the sender). */
    void retire(long time, long height) {
        retiredAt = time;
        retiredHeight = height;
    }

    /**
     * At the end of every block: begins each next stage whose threshold the citizens in good standing have reached,
     * or whose backstop has run out (several in one block if the numbers jump).
     */
    void endBlock(long activeCitizens, Parameters p, long time, long height) {
        while (stage().next() != null) {
            Stage next = stage().next();
            long threshold = next.threshold(p);
            if (activeCitizens >= threshold) {
                entries.add(new Entry(next, time, height, activeCitizens + " citizens in good standing (threshold "
                        + threshold + ")"));
            } else if (backstopDue(p) <= time) {
                entries.add(new Entry(next, time, height, "the backstop: " + p.get(CharterParams.BACKSTOP_YEARS)
                        + " years since the " + stage().name(p) + " stage began"));
            } else {
                return;
            }
        }
    }

    /** When the backstop would begin the next stage (Long.MAX_VALUE if there is none or no next stage). */
    public long backstopDue(Parameters p) {
        long years = p.get(CharterParams.BACKSTOP_YEARS);
        if (years == 0 || stage().next() == null) {
            return Long.MAX_VALUE;
        }
        return entries.get(entries.size() - 1).time() + years * YEAR_MS;
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(entries.size());
        for (Entry e : entries) {
            w.writeInt(e.stage().ordinal());
            w.writeLong(e.time());
            w.writeLong(e.height());
            w.writeString(e.cause());
        }
        w.writeLong(retiredAt);
        w.writeLong(retiredHeight);
    }

    void read(StateReader r) {
        Handover h = this;
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            int stage = r.readInt();
            if (stage < 0 || stage >= Stage.values().length) {
                throw new StateReader.CorruptStateException("no stage " + stage);
            }
            h.entries.add(new Entry(Stage.values()[stage], r.readLong(), r.readLong(), r.readString()));
        }
        h.retiredAt = r.readLong();
        h.retiredHeight = r.readLong();
    }
}

package org.phyle.core.economy;

import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * The economy's slice of the snapshot, in its fixed order: the supply and the treasury's budgets, the balances, the
 * locks, the treasury's entries, the rounds with their projects, the campaigns with their pledges, the territories,
 * and the dividend. What is derived (the locks by owner, open campaigns by deadline, a round's pairs and paid
 * matching) is rebuilt when read.
 */
final class EconomySnapshot {
    private EconomySnapshot() {
    }

    static void write(StateWriter w, Treasury t, Accounts a, FundingRounds fr, Campaigns cs, Dividends d) {
        w.writeLong(t.genesisTime);
        w.writeLong(t.genesisAllocation);
        w.writeLong(t.issued);
        w.writeInt(t.issuedByYear.size());
        t.issuedByYear.forEach((y, v) -> {
            w.writeLong(y);
            w.writeLong(v);
        });
        w.writeLong(t.general);
        w.writeLong(t.land);
        w.writeInt(a.balances.size());
        a.balances.forEach((k, v) -> {
            w.writeString(k);
            w.writeLong(v);
        });
        w.writeInt(a.locks.size());
        for (TimeLock l : a.locks) {
            w.writeString(l.owner);
            w.writeLong(l.amount);
            w.writeLong(l.start);
            w.writeLong(l.cliff);
            w.writeLong(l.end);
            w.writeString(l.source);
            w.writeLong(l.claimed);
        }
        w.writeInt(t.entries.size());
        for (Economy.Entry e : t.entries) {
            w.writeLong(e.time());
            w.writeLong(e.height());
            w.writeBoolean(e.income());
            w.writeString(e.category());
            w.writeLong(e.amount());
            w.writeString(e.counterparty());
            w.writeString(e.note());
        }
        w.writeInt(fr.rounds.size());
        for (Economy.Round r : fr.rounds) {
            w.writeString(r.title);
            w.writeLong(r.pool);
            w.writeLong(r.created);
            w.writeLong(r.applicationsUntil);
            w.writeLong(r.contributionsUntil);
            w.writeInt(r.approval.ordinal());
            w.writeInt(r.mode.ordinal());
            w.writeInt(r.capBp);
            w.writeLong(r.pairwiseK);
            w.writeHash(r.proposal);
            w.writeLong(r.escrow);
            w.writeBoolean(r.paid);
            w.writeLong(r.paidAt);
            w.writeInt(r.projects.size());
            for (Economy.Project p : r.projects) {
                w.writeString(p.title);
                w.writeString(p.recipient);
                w.writeString(p.description);
                w.writeString(p.applicant);
                w.writeLong(p.appliedAt);
                w.writeBoolean(p.approved);
                w.writeString(p.approvedBy);
                w.writeInt(p.counted.size());
                p.counted.forEach((k, v) -> {
                    w.writeInt(k);
                    w.writeLong(v);
                });
                w.writeLong(p.uncounted);
                w.writeLong(p.total);
            }
        }
        w.writeInt(cs.campaigns.size());
        for (Economy.Campaign c : cs.campaigns) {
            w.writeString(c.title);
            w.writeString(c.property);
            w.writeString(c.country);
            w.writeLong(c.target);
            w.writeLong(c.deadline);
            w.writeString(c.steward);
            w.writeString(c.creator);
            w.writeLong(c.created);
            w.writeInt(c.pledges.size());
            for (Economy.Pledge p : c.pledges) {
                w.writeString(p.pledger());
                w.writeLong(p.amount());
                w.writeLong(p.time());
                w.writeLong(p.height());
            }
            w.writeLong(c.escrow);
            w.writeInt(c.state.ordinal());
            w.writeLong(c.settledAt);
        }
        w.writeInt(cs.territories.size());
        for (Economy.Territory x : cs.territories) {
            w.writeInt(x.campaign());
            w.writeString(x.property());
            w.writeString(x.country());
            w.writeLong(x.amount());
            w.writeLong(x.time());
            w.writeString(x.status());
        }
        w.writeLong(d.revenueInPeriod);
        w.writeLong(d.nextDividendAt);
        w.writeInt(d.paid.size());
        for (Economy.Dividend x : d.paid) {
            w.writeLong(x.time());
            w.writeLong(x.height());
            w.writeLong(x.revenue());
            w.writeLong(x.pot());
            w.writeInt(x.citizens());
            w.writeLong(x.each());
            w.writeLong(x.remainder());
        }
    }

    static void read(StateReader r, Treasury t, Accounts a, FundingRounds fr, Campaigns cs, Dividends d) {
        t.genesisTime = r.readLong();
        t.genesisAllocation = r.readLong();
        t.issued = r.readLong();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            t.issuedByYear.put(r.readLong(), r.readLong());
        }
        t.general = r.readLong();
        t.land = r.readLong();
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            a.balances.put(r.readString(), r.readLong());
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            TimeLock l = new TimeLock(i, r.readString(), r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                    r.readString());
            l.claimed = r.readLong();
            a.restore(l);
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            t.entries.add(new Economy.Entry(r.readLong(), r.readLong(), r.readBoolean(), r.readString(), r.readLong(),
                    r.readString(), r.readString()));
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            Economy.Round rd = new Economy.Round(i, r.readString(), r.readLong(), r.readLong(), r.readLong(),
                    r.readLong(), EconomyActions.Approval.values()[r.readInt()], Matching.Mode.values()[r.readInt()],
                    r.readInt(), r.readLong(), r.readHash());
            rd.escrow = r.readLong();
            rd.paid = r.readBoolean();
            rd.paidAt = r.readLong();
            int projects = r.readCount();
            for (int j = 0; j < projects; j++) {
                Economy.Project p = new Economy.Project(j, r.readString(), r.readString(), r.readString(),
                        r.readString(), r.readLong());
                p.approved = r.readBoolean();
                p.approvedBy = r.readString();
                int c = r.readCount();
                for (int k = 0; k < c; k++) {
                    p.counted.put(r.readInt(), r.readLong());
                }
                p.uncounted = r.readLong();
                p.total = r.readLong();
                rd.projects.add(p);
                rd.pairs += (long) c * (c - 1) / 2;
            }
            if (rd.paid) {
                rd.result = rd.compute();
            }
            fr.rounds.add(rd);
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            Economy.Campaign c = new Economy.Campaign(i, r.readString(), r.readString(), r.readString(), r.readLong(),
                    r.readLong(), r.readString(), r.readString(), r.readLong());
            int pledges = r.readCount();
            for (int j = 0; j < pledges; j++) {
                c.pledges.add(new Economy.Pledge(r.readString(), r.readLong(), r.readLong(), r.readLong()));
            }
            c.escrow = r.readLong();
            c.state = Economy.Campaign.State.values()[r.readInt()];
            c.settledAt = r.readLong();
            cs.restore(c);
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            cs.territories.add(new Economy.Territory(r.readInt(), r.readString(), r.readString(), r.readLong(),
                    r.readLong(), r.readString()));
        }
        d.revenueInPeriod = r.readLong();
        d.nextDividendAt = r.readLong();
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            d.paid.add(new Economy.Dividend(r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readInt(),
                    r.readLong(), r.readLong()));
        }
    }
}

package org.phyle.core.governance;

import static org.phyle.core.governance.GovernanceCode.*;
import static org.phyle.core.governance.GovernanceParams.HOUR_MS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Amendments;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Stage;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.GovernanceTx.*;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.sortition.SortitionCode;
import org.phyle.core.sortition.SortitionParams;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/**
 * How the society decides: proposals, co-sponsors, votes by one of four counting methods, liquid delegation, and the
 * execution of what passes. Voting power comes from being a citizen in good standing when voting opens; nothing here
 * reads a balance.
 *
 * <p>What happens at set times (voting opening and closing, timelocks expiring) happens at the end of the first
 * block at or after that time ({@link #endBlock}), identically for the sequencer and for replay; the node cuts an
 * empty block when such a time comes and nothing else is waiting.
 */
public final class Governance {
    public static final List<TxType> TX_TYPES = GovernanceTx.TYPES;
    public static final String ALL_TOPICS = "*";

    /** A delegation: to whom, and the leaf of the transaction that made it (earlier ones are kept first under a cap). */
    record Delegation(int to, long since) {
    }

    private final List<Proposal> proposals = new ArrayList<>();
    /** delegator → topic → delegation. */
    private final TreeMap<Integer, TreeMap<String, Delegation>> delegations = new TreeMap<>();
    /** epoch → person → voice credits spent. */
    private final TreeMap<Long, TreeMap<Integer, Long>> credits = new TreeMap<>();

    // indexes, rebuilt from the above
    private final Map<Hash, Proposal> byId = new HashMap<>();
    private final TreeMap<Long, TreeSet<Integer>> due = new TreeMap<>();

    // ---- transactions -----------------------------------------------------------------------------------------

    public void apply(GovernanceTx tx, TxContext ctx) {
        switch (tx) {
            case Propose p -> propose(p, ctx);
            case Sponsor s -> sponsor(s, ctx);
            case Cancel c -> cancel(c, ctx);
            case Vote v -> vote(v, ctx);
            case PanelVote v -> panelVote(v, ctx);
            case Delegate d -> delegate(d, ctx);
            case Undelegate u -> undelegate(u, ctx);
            case Execute e -> executeNow(e, ctx);
        }
    }

    private void propose(Propose p, TxContext ctx) {
        Person author = activeCitizen(ctx);
        Parameters params = ctx.parameters();
        Society society = ctx.society();
        Handover handover = society.handover();
        // in the Founding and Community stages the founder's proposals go to a vote without co-sponsors
        boolean founderFastTrack = author.number() == 0
                && handover.founderMay(Stage.FounderPower.PROPOSE_WITHOUT_SPONSORS);
        ProposalAction action = p.action();
        if (action != null) {
            Stage.CommunityPower needed = action.requiredPower();
            if (!handover.communityMay(needed)
                    && !(founderFastTrack && needed == Stage.CommunityPower.PROPOSE_BINDING)) {
                throw new Rejection(CharterCode.NOT_IN_THIS_STAGE, "in the " + handover.stage().name(params)
                        + " stage citizens cannot yet " + needed.description() + "; a " + p.kind()
                        + " proposal waits for a later stage");
            }
            if (p.method() != action.method()) {
                throw new Rejection(METHOD_NOT_ALLOWED, "a " + p.kind() + " proposal is decided by a "
                        + action.method().json() + " vote");
            }
            Threshold minimum = Amendments.minimumThreshold(action, society);
            if (p.method() == Method.YES_NO && !p.threshold().atLeast(minimum)) {
                throw new Rejection(INVALID_PROPOSAL, "a " + p.kind() + " proposal " + (action.entrenched(society)
                        ? "touching an entrenched text or the handover schedule " : "") + "needs at least a "
                        + minimum.name() + " threshold in the " + handover.stage().name(params) + " stage");
            }
            action.check(society);
            action.checkTerms(p, society);
        }
        long minHours = params.get(GovernanceParams.MIN_VOTING_HOURS);
        int hours = p.votingHours().orElse((int) params.get(GovernanceParams.VOTING_HOURS));
        if (hours < minHours) {
            throw new Rejection(INVALID_PROPOSAL, "voting lasts at least " + minHours + " hours here, not " + hours);
        }
        add(ctx.txId(), author.number(), p, founderFastTrack ? 0 : (int) params.get(GovernanceParams.SPONSORS_REQUIRED),
                ctx);
    }

    /** A new proposal, frozen with the parameters in force; sponsored at once if it needs no sponsors. */
    private Proposal add(Hash id, int author, Propose p, int sponsorsRequired, TxContext ctx) {
        Parameters params = ctx.parameters();
        int hours = p.votingHours().orElse((int) params.get(GovernanceParams.VOTING_HOURS));
        Proposal proposal = new Proposal(proposals.size(), id, author, p, sponsorsRequired,
                params.get(GovernanceParams.DELIBERATION_HOURS) * HOUR_MS, hours * HOUR_MS,
                params.get(GovernanceParams.TIMELOCK_HOURS) * HOUR_MS, params.get(GovernanceParams.QUORUM_BP),
                params.get(GovernanceParams.VOICE_CREDITS), params.get(GovernanceParams.EPOCH_DAYS) * 24 * HOUR_MS,
                params.get(GovernanceParams.MAX_DELEGATED_BP), ctx.time());
        if (SortitionParams.panelKinds(params).contains(p.kind())) {
            proposal.panelShareBp = params.get(SortitionParams.OUTSIDE_SHARE_BP);
        }
        proposals.add(proposal);
        byId.put(proposal.id, proposal);
        if (proposal.sponsorsRequired == 0) {
            sponsored(proposal, ctx.time());
        }
        return proposal;
    }

    /**
     * A proposed text of the canon that reached its endorsements: a yes/no text amendment by its author, with the
     * threshold the stage requires, sponsored by its endorsers. Its id is the id of the completing endorsement.
     */
    public void proposeFromCanon(Hash id, int author, String title, String text, Actions.TextAmendment action,
                                 Threshold threshold, int[] endorsers, TxContext ctx) {
        action.check(ctx.society());
        Propose terms = new Propose(title, text, "charter", Actions.TEXT.name(), action, Method.YES_NO, List.of(), 1,
                0, false, threshold, Optional.empty());
        Proposal p = add(id, author, terms, endorsers.length, ctx);
        p.sponsors = endorsers.clone();
        sponsored(p, ctx.time());
    }

    /**
     * The founder's suspensive veto: a passed binding proposal awaiting its timelock is delayed once, by its own
     * voting period.
     */
    public void veto(Hash id, long time) {
        Proposal p = proposal(id);
        if (p.state != Proposal.State.PASSED || p.action() == null || p.vetoedAt != 0 || time >= p.executableAt) {
            throw new Rejection(CharterCode.NOT_VETOABLE, "proposal #" + p.number + " is " + p.state.json()
                    + (p.vetoedAt != 0 ? " and was vetoed already" : p.action() == null ? " and binds nothing" : ""));
        }
        unschedule(p.executableAt, p.number);
        p.executableAt += p.votingMs;
        p.vetoedAt = time;
        schedule(p.executableAt, p.number);
    }

    private void sponsor(Sponsor s, TxContext ctx) {
        Proposal p = proposal(s.proposal());
        Person sponsor = activeCitizen(ctx);
        if (sponsor.number() == p.author) {
            throw new Rejection(OWN_PROPOSAL, "you are the author of proposal #" + p.number);
        }
        if (p.state != Proposal.State.DRAFT) {
            throw new Rejection(NOT_SPONSORABLE, "proposal #" + p.number + " is " + p.state.json());
        }
        for (int x : p.sponsors) {
            if (x == sponsor.number()) {
                throw new Rejection(ALREADY_SPONSORED, "you already sponsor proposal #" + p.number);
            }
        }
        p.sponsors = Arrays.copyOf(p.sponsors, p.sponsors.length + 1);
        p.sponsors[p.sponsors.length - 1] = sponsor.number();
        if (p.sponsors.length >= p.sponsorsRequired) {
            sponsored(p, ctx.time());
        }
    }

    private void sponsored(Proposal p, long time) {
        p.state = Proposal.State.SPONSORED;
        p.sponsoredAt = time;
        p.opensAt = time + p.deliberationMs;
        schedule(p.opensAt, p.number);
    }

    private void cancel(Cancel c, TxContext ctx) {
        Proposal p = proposal(c.proposal());
        Person author = signer(ctx);
        if (author == null || author.number() != p.author) {
            throw new Rejection(NOT_AUTHOR, "only the author may cancel proposal #" + p.number);
        }
        if (p.state != Proposal.State.DRAFT && p.state != Proposal.State.SPONSORED) {
            throw new Rejection(CANNOT_CANCEL, "proposal #" + p.number + " is " + p.state.json()
                    + "; only proposals whose voting has not opened can be cancelled");
        }
        unschedule(p.opensAt, p.number);
        p.state = Proposal.State.CANCELLED;
        p.closedAt = ctx.time();
    }

    private void vote(Vote v, TxContext ctx) {
        Proposal p = proposal(v.proposal());
        if (p.state == Proposal.State.DRAFT || p.state == Proposal.State.SPONSORED) {
            throw new Rejection(VOTING_NOT_OPEN, "voting on proposal #" + p.number + " has not opened"
                    + (p.opensAt > 0 ? "; it opens at " + java.time.Instant.ofEpochMilli(p.opensAt) : ""));
        }
        if (p.state != Proposal.State.VOTING || ctx.time() >= p.closesAt) {
            throw new Rejection(VOTING_CLOSED, "voting on proposal #" + p.number + " closed at "
                    + java.time.Instant.ofEpochMilli(p.closesAt));
        }
        Person voter = signer(ctx);
        if (voter == null || !p.electorate.get(voter.number())) {
            throw new Rejection(NOT_IN_ELECTORATE, "only the " + p.electorateSize + " citizens in good standing when "
                    + "voting opened may vote on proposal #" + p.number);
        }
        if (voter.status() != Status.CITIZEN) {
            throw new Rejection(NOT_A_CITIZEN, "you are " + voter.status().json() + " now");
        }
        if (voter.lapsed(ctx.time())) {
            throw new Rejection(CITIZENSHIP_LAPSED, "your citizenship lapsed at "
                    + java.time.Instant.ofEpochMilli(voter.expiresAt()) + "; renew it to vote");
        }
        Ballot.check(v.ballot(), p);
        if (v.ballot() instanceof Ballot.Quadratic q) {
            long refund = p.ballots.get(voter.number()) instanceof Ballot.Quadratic old ? old.cost() : 0;
            spendCredits(p, voter.number(), q.cost(), refund);
        }
        p.ballots.put(voter.number(), v.ballot());
    }

    /** Charges a quadratic ballot to the voter's credits in the proposal's epoch, refunding the one it replaces. */
    private void spendCredits(Proposal p, int voter, long cost, long refund) {
        long already = creditsSpent(p.epoch, voter);
        long after = already - refund + cost;
        if (after > p.voiceCredits) {
            throw new Rejection(OVER_BUDGET, "this ballot costs " + cost + " voice credits; you have "
                    + (p.voiceCredits - already + refund) + " left in this epoch");
        }
        // checked; now change (a refused ballot must leave no trace, not even an empty entry)
        TreeMap<Integer, Long> spent = credits.computeIfAbsent(p.epoch, e -> new TreeMap<>());
        if (after == 0) {
            spent.remove(voter);
            if (spent.isEmpty()) {
                credits.remove(p.epoch);
            }
        } else {
            spent.put(voter, after);
        }
    }

    /** A host resident on the proposal's panel votes in the panel, in the proposal's method (again: the last counts). */
    private void panelVote(PanelVote v, TxContext ctx) {
        Proposal p = proposal(v.proposal());
        if (p.state != Proposal.State.VOTING || ctx.time() >= p.closesAt) {
            throw new Rejection(p.state == Proposal.State.DRAFT || p.state == Proposal.State.SPONSORED
                    ? VOTING_NOT_OPEN : VOTING_CLOSED, "proposal #" + p.number + " is " + p.state.json());
        }
        if (p.panel.length == 0) {
            throw new Rejection(SortitionCode.NO_PANEL, "proposal #" + p.number + " has no outside panel seated"
                    + (p.panelNote != null ? ": " + p.panelNote : p.panelShareBp > 0 ? " yet: it is being drawn" : ""));
        }
        Person member = signer(ctx);
        if (member == null || Arrays.stream(p.panel).noneMatch(n -> n == member.number())) {
            throw new Rejection(SortitionCode.NOT_ON_PANEL, "only the " + p.panel.length + " host residents drawn for "
                    + "proposal #" + p.number + "'s panel vote in it");
        }
        Ballot.check(v.ballot(), p);
        if (v.ballot() instanceof Ballot.Quadratic q) {
            long refund = p.panelBallots.get(member.number()) instanceof Ballot.Quadratic old ? old.cost() : 0;
            spendCredits(p, member.number(), q.cost(), refund);
        }
        p.panelBallots.put(member.number(), v.ballot());
    }

    private void delegate(Delegate d, TxContext ctx) {
        Person from = activeCitizen(ctx);
        Person to = ctx.society().registry().byId(d.to())
                .orElseThrow(() -> new Rejection(NOT_A_CITIZEN, "no person " + d.to().hex()));
        if (to == from) {
            throw new Rejection(SELF_DELEGATION, "nobody delegates to themselves");
        }
        if (!to.activeCitizen(ctx.time())) {
            throw new Rejection(NOT_A_CITIZEN, "person #" + to.number() + " is not a citizen in good standing");
        }
        if (wouldCycle(from.number(), d.topic(), to.number())) {
            throw new Rejection(DELEGATION_CYCLE, "person #" + to.number() + " already delegates, directly or "
                    + "through others, back to you on " + (d.topic().equals(ALL_TOPICS) ? "some topic" : d.topic()));
        }
        delegations.computeIfAbsent(from.number(), x -> new TreeMap<>())
                .put(d.topic(), new Delegation(to.number(), ctx.leafIndex()));
    }

    private void undelegate(Undelegate u, TxContext ctx) {
        Person from = signer(ctx);
        TreeMap<String, Delegation> mine = from == null ? null : delegations.get(from.number());
        if (mine == null || mine.remove(u.topic()) == null) {
            throw new Rejection(NO_DELEGATION, "you have no delegation on " + u.topic());
        }
        if (mine.isEmpty()) {
            delegations.remove(from.number());
        }
    }

    private void executeNow(Execute e, TxContext ctx) {
        Proposal p = proposal(e.proposal());
        if (p.state != Proposal.State.PASSED || p.action() == null) {
            throw new Rejection(NOTHING_TO_EXECUTE, "proposal #" + p.number + " is " + p.state.json()
                    + (p.action() == null ? " and carries no action" : ""));
        }
        if (ctx.time() < p.executableAt) {
            throw new Rejection(TIMELOCK, "proposal #" + p.number + " can be executed from "
                    + java.time.Instant.ofEpochMilli(p.executableAt));
        }
        unschedule(p.executableAt, p.number);
        execute(p, ctx.society(), ctx.time(), ctx.height());
    }

    // ---- what happens at set times ----------------------------------------------------------------------------

    /** Opens, closes and executes what is due by the end of this block. */
    public void endBlock(Society society, long time, long height) {
        while (!due.isEmpty() && due.firstKey() <= time) {
            Map.Entry<Long, TreeSet<Integer>> first = due.firstEntry();
            int number = first.getValue().pollFirst();
            if (first.getValue().isEmpty()) {
                due.remove(first.getKey());
            }
            Proposal p = proposals.get(number);
            switch (p.state) {
                case SPONSORED -> open(p, society, time, height);
                case VOTING -> close(p, society, time, height);
                case PASSED -> execute(p, society, time, height);
                default -> { } // cancelled, or executed by a transaction
            }
        }
    }

    /** The earliest time something is due, or Long.MAX_VALUE. */
    public long nextDue() {
        return due.isEmpty() ? Long.MAX_VALUE : due.firstKey();
    }

    private void open(Proposal p, Society society, long time, long height) {
        BitSet electorate = new BitSet();
        int size = 0;
        for (Person person : society.registry().all()) {
            if (person.activeCitizen(time)) {
                electorate.set(person.number());
                size++;
            }
        }
        p.electorate = electorate;
        p.electorateSize = size;
        p.state = Proposal.State.VOTING;
        p.openedAt = time;
        p.openedHeight = height;
        p.closesAt = time + p.votingMs;
        p.epoch = (time - society.genesisTime()) / p.epochMs;
        schedule(p.closesAt, p.number);
        if (p.panelShareBp > 0) {
            drawPanel(p, society, time, height);
        }
    }

    /**
     * Outside representation: a panel of host residents, drawn by lot when voting opens (stratified by region if the
     * charter says so), holds panelShareBp of the result. With fewer host residents than sortition.minPanel there is
     * no panel, and the proposal says why.
     */
    private void drawPanel(Proposal p, Society society, long time, long height) {
        Parameters params = society.parameters();
        List<Selection.Member> pool = Sortition.pool(society, Draw.Pool.HOST_RESIDENTS, time, x -> true);
        long min = params.get(SortitionParams.MIN_PANEL);
        if (pool.size() < min) {
            p.panelNote = "no outside panel: " + pool.size() + " host residents registered, fewer than " + min;
            return;
        }
        int size = (int) Math.min(params.get(SortitionParams.PANEL_SIZE), pool.size());
        p.panelDraw = society.sortition().request(Sortition.idFor(Draw.Purpose.PANEL, p.id), Draw.Purpose.PANEL, p.id,
                Draw.Pool.HOST_RESIDENTS, pool, size, params.get(SortitionParams.STRATIFY) == 1, society, time, height)
                .id();
    }

    /** Seats a proposal's outside panel, drawn by lot (called by the sortition mechanism when the draw is made). */
    public void seatPanel(Hash proposal, int[] members) {
        Proposal p = proposal(proposal);
        if (p.state != Proposal.State.VOTING) {
            // drawn too late to take part (a vote shorter than the stewards' hours): the result stands without it
            p.panelNote = "no outside panel: it was drawn after the vote closed";
            return;
        }
        p.panel = members.clone();
    }

    private void close(Proposal p, Society society, long time, long height) {
        Carried c = carried(p);
        p.carried = c.votes();
        p.fellBack = c.fellBack();
        p.result = tally(p);
        p.closedAt = time;
        p.closedHeight = height;
        p.state = p.result.passed() ? Proposal.State.PASSED : Proposal.State.FAILED;
        if (p.state == Proposal.State.PASSED && p.action() != null) {
            p.executableAt = time + p.timelockMs;
            schedule(p.executableAt, p.number);
        }
    }

    private void execute(Proposal p, Society society, long time, long height) {
        try {
            p.action().execute(society, new ProposalAction.Execution(p.id, time, height, p.result));
            p.state = Proposal.State.EXECUTED;
            p.executionNote = "carried out";
        } catch (Rejection r) {
            p.state = Proposal.State.NOT_EXECUTED;
            p.executionNote = r.toString();
        }
        p.executedAt = time;
    }

    /** Votes carried through delegation, per voter, and the delegations beyond the cap. */
    record Carried(Map<Integer, Long> votes, long fellBack) {
    }

    /**
     * The votes each voter carries through delegation, as the delegations stand now (frozen into the proposal at
     * its close): for every method but quadratic, the votes of electors who did not vote follow their delegation (for
     * the proposal's topic, else for every topic), through other non-voters, to the first voter; a voter carries at
     * most max(1, maxDelegatedBp of the electorate) votes, and delegations beyond that fall back to their delegators,
     * who did not vote.
     */
    private Carried carried(Proposal p) {
        Map<Integer, Long> votes = new HashMap<>();
        long fellBack = 0;
        if (p.method() == Method.QUADRATIC) {
            return new Carried(votes, 0);
        }
        long cap = Math.max(1, p.maxDelegatedBp * p.electorateSize / 10_000) - 1;
        Map<Integer, Long> reaching = new HashMap<>();
        for (int m = p.electorate.nextSetBit(0); m >= 0; m = p.electorate.nextSetBit(m + 1)) {
            if (!p.ballots.containsKey(m) && delegationOf(m, p.topic()) != null) {
                Integer end = follow(m, p.topic(), p.ballots.keySet());
                if (end != null) {
                    reaching.merge(end, 1L, Long::sum);
                }
            }
        }
        for (Map.Entry<Integer, Long> e : reaching.entrySet()) {
            long kept = Math.min(cap, e.getValue());
            if (kept > 0) {
                votes.put(e.getKey(), kept);
            }
            fellBack += e.getValue() - kept;
        }
        return new Carried(votes, fellBack);
    }

    /**
     * The tally of a closed proposal from its ballots and the delegations frozen at its close: recounting always
     * gives the published tally.
     */
    public TallyResult tally(Proposal p) {
        return count(p, p.carried, p.fellBack);
    }

    /** A provisional tally of an open vote, with the delegations as they stand; for a closed one, its tally. */
    public TallyResult provisionalTally(Proposal p) {
        if (p.state != Proposal.State.VOTING) {
            return p.result;
        }
        Carried c = carried(p);
        return count(p, c.votes(), c.fellBack());
    }

    private static TallyResult count(Proposal p, Map<Integer, Long> carried, long fellBack) {
        List<Tally.Weighted> weighted = new ArrayList<>(p.ballots.size());
        long delegated = 0;
        for (int v = p.electorate.nextSetBit(0); v >= 0; v = p.electorate.nextSetBit(v + 1)) {
            Ballot b = p.ballots.get(v);
            if (b != null) {
                long extra = carried.getOrDefault(v, 0L);
                delegated += extra;
                weighted.add(new Tally.Weighted(b, 1 + extra));
            }
        }
        Tally.Rules rules = new Tally.Rules(p.method(), p.options().size(), p.winners(), p.threshold(), p.quorumBp,
                p.electorateSize);
        if (p.panel.length > 0) {
            List<Ballot> panel = new ArrayList<>();
            for (int member : p.panel) {
                Ballot b = p.panelBallots.get(member);
                if (b != null) {
                    panel.add(b);
                }
            }
            return Tally.countWithPanel(rules, weighted, delegated, fellBack, panel, p.panel.length, p.panelShareBp);
        }
        return Tally.count(rules, weighted, delegated, fellBack);
    }

    /** The delegation a person has for a topic: the topic's own, else the one for every topic. */
    private Delegation delegationOf(int person, String topic) {
        TreeMap<String, Delegation> mine = delegations.get(person);
        if (mine == null) {
            return null;
        }
        Delegation d = mine.get(topic);
        return d != null ? d : mine.get(ALL_TOPICS);
    }

    /** Where a non-voter's vote ends up: the first voter along their delegations, or null. */
    private Integer follow(int from, String topic, Set<Integer> voters) {
        Set<Integer> seen = new HashSet<>();
        int cur = from;
        while (seen.add(cur)) {
            Delegation d = delegationOf(cur, topic);
            if (d == null) {
                return null;
            }
            cur = d.to();
            if (voters.contains(cur)) {
                return cur;
            }
        }
        return null;
    }

    /** Whether adding from → to on a topic would let some topic's delegations run in a circle through from. */
    private boolean wouldCycle(int from, String topic, int to) {
        Set<String> topics = new TreeSet<>();
        if (topic.equals(ALL_TOPICS)) {
            topics.add(ALL_TOPICS);
            for (TreeMap<String, Delegation> m : delegations.values()) {
                topics.addAll(m.keySet());
            }
            TreeMap<String, Delegation> mine = delegations.get(from);
            if (mine != null) {
                topics.removeIf(t -> !t.equals(ALL_TOPICS) && mine.containsKey(t));
            }
        } else {
            topics.add(topic);
        }
        for (String t : topics) {
            Set<Integer> seen = new HashSet<>();
            int cur = to;
            while (cur != from && seen.add(cur)) {
                Delegation d = delegationOf(cur, t);
                if (d == null) {
                    break;
                }
                cur = d.to();
            }
            if (cur == from) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Proposal proposal(Hash id) {
        Proposal p = byId.get(id);
        if (p == null) {
            throw new Rejection(UNKNOWN_PROPOSAL, "no proposal " + id.hex());
        }
        return p;
    }

    /** The person the signing key currently belongs to, or null. */
    private static Person signer(TxContext ctx) {
        return ctx.society().registry().byCurrentKey(ctx.signer()).orElse(null);
    }

    private static Person activeCitizen(TxContext ctx) {
        Person p = signer(ctx);
        if (p == null || p.status() != Status.CITIZEN) {
            throw new Rejection(NOT_A_CITIZEN, "only citizens in good standing may do this");
        }
        if (p.lapsed(ctx.time())) {
            throw new Rejection(CITIZENSHIP_LAPSED, "your citizenship lapsed at "
                    + java.time.Instant.ofEpochMilli(p.expiresAt()) + "; renew it first");
        }
        return p;
    }

    private void schedule(long time, int number) {
        due.computeIfAbsent(time, t -> new TreeSet<>()).add(number);
    }

    private void unschedule(long time, int number) {
        TreeSet<Integer> at = due.get(time);
        if (at != null) {
            at.remove(number);
            if (at.isEmpty()) {
                due.remove(time);
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public List<Proposal> proposals() {
        return Collections.unmodifiableList(proposals);
    }

    public Optional<Proposal> byId(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A person's delegations: topic → delegate's number. */
    public Map<String, Integer> delegationsOf(int person) {
        TreeMap<String, Integer> out = new TreeMap<>();
        TreeMap<String, Delegation> mine = delegations.get(person);
        if (mine != null) {
            mine.forEach((t, d) -> out.put(t, d.to()));
        }
        return out;
    }

    /** How many delegate to a person, by topic. */
    public Map<String, Integer> delegatorsOf(int person) {
        TreeMap<String, Integer> out = new TreeMap<>();
        delegations.forEach((from, m) -> m.forEach((t, d) -> {
            if (d.to() == person) {
                out.merge(t, 1, Integer::sum);
            }
        }));
        return out;
    }

    /** Voice credits a person has spent in an epoch. */
    public long creditsSpent(long epoch, int person) {
        TreeMap<Integer, Long> spent = credits.get(epoch);
        return spent == null ? 0 : spent.getOrDefault(person, 0L);
    }

    /** The index of the quadratic-voting epoch a time falls in. */
    public static long epochOf(long time, long genesisTime, Parameters p) {
        return (time - genesisTime) / (p.get(GovernanceParams.EPOCH_DAYS) * 24 * HOUR_MS);
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    public void write(StateWriter w) {
        w.writeInt(proposals.size());
        for (Proposal p : proposals) {
            ProposalCodec.write(w, p);
        }
        w.writeInt(delegations.size());
        delegations.forEach((from, m) -> {
            w.writeInt(from);
            w.writeInt(m.size());
            m.forEach((topic, d) -> {
                w.writeString(topic);
                w.writeInt(d.to());
                w.writeLong(d.since());
            });
        });
        w.writeInt(credits.size());
        credits.forEach((epoch, m) -> {
            w.writeLong(epoch);
            w.writeInt(m.size());
            m.forEach((person, spent) -> {
                w.writeInt(person);
                w.writeLong(spent);
            });
        });
    }

    public static Governance read(StateReader r) {
        Governance g = new Governance();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Proposal p = ProposalCodec.read(r);
            g.proposals.add(p);
            g.byId.put(p.id, p);
            switch (p.state) {
                case SPONSORED -> g.schedule(p.opensAt, p.number);
                case VOTING -> g.schedule(p.closesAt, p.number);
                case PASSED -> {
                    if (p.action() != null) {
                        g.schedule(p.executableAt, p.number);
                    }
                }
                default -> { }
            }
        }
        int d = r.readCount();
        for (int i = 0; i < d; i++) {
            int from = r.readInt();
            int topics = r.readCount();
            TreeMap<String, Delegation> m = new TreeMap<>();
            for (int j = 0; j < topics; j++) {
                m.put(r.readString(), new Delegation(r.readInt(), r.readLong()));
            }
            g.delegations.put(from, m);
        }
        int e = r.readCount();
        for (int i = 0; i < e; i++) {
            long epoch = r.readLong();
            int people = r.readCount();
            TreeMap<Integer, Long> m = new TreeMap<>();
            for (int j = 0; j < people; j++) {
                m.put(r.readInt(), r.readLong());
            }
            g.credits.put(epoch, m);
        }
        return g;
    }
}

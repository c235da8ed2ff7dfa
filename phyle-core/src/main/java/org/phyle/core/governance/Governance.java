package org.phyle.core.governance;

import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.ProposalAction;

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
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Amendments;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Stage;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.GovernanceTx.*;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.CommunityPower;
import org.phyle.core.proposals.Execution;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.sortition.SortitionCode;
import org.phyle.core.sortition.SortitionEffect;
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
    public static final String ALL_TOPICS = "*";

    private final List<Proposal> proposals = new ArrayList<>();
    private final Delegations delegations = new Delegations();
    private final VoiceCredits credits = new VoiceCredits();

    // indexes, rebuilt from the above
    private final Map<Hash, Proposal> byId = new HashMap<>();
    private final TreeMap<Long, TreeSet<Integer>> due = new TreeMap<>();

    // ---- transactions -----------------------------------------------------------------------------------------

    void apply(GovernanceTx tx, TxContext ctx) {
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
        Reads reads = ctx.block().reads();
        Handover handover = ctx.view(Handover.class);
        // in the Founding and Community stages the founder's proposals go to a vote without co-sponsors
        boolean founderFastTrack = author.number() == 0
                && handover.founderMay(Stage.FounderPower.PROPOSE_WITHOUT_SPONSORS);
        ProposalAction action = p.action();
        if (action != null) {
            CommunityPower needed = action.requiredPower();
            if (!handover.communityMay(needed)
                    && !(founderFastTrack && needed == CommunityPower.PROPOSE_BINDING)) {
                throw new Rejection(CharterCode.NOT_IN_THIS_STAGE, "in the " + handover.stage().name(params)
                        + " stage citizens cannot yet " + needed.description() + "; a " + p.kind()
                        + " proposal waits for a later stage");
            }
            if (p.method() != action.method()) {
                throw new Rejection(METHOD_NOT_ALLOWED, "a " + p.kind() + " proposal is decided by a "
                        + action.method().json() + " vote");
            }
            Threshold minimum = Amendments.minimumThreshold(action, reads);
            if (p.method() == Method.YES_NO && !p.threshold().atLeast(minimum)) {
                throw new Rejection(INVALID_PROPOSAL, "a " + p.kind() + " proposal " + (action.entrenched(reads)
                        ? "touching an entrenched text or the handover schedule " : "") + "needs at least a "
                        + minimum.name() + " threshold in the " + handover.stage().name(params) + " stage");
            }
            action.check(reads);
            action.checkTerms(p.options().size(), p.winners(), reads);
        }
        long minHours = params.get(GovernanceParams.MIN_VOTING_HOURS);
        int hours = p.votingHours().orElse((int) params.get(GovernanceParams.VOTING_HOURS));
        if (hours < minHours) {
            throw new Rejection(INVALID_PROPOSAL, "voting lasts at least " + minHours + " hours here, not " + hours);
        }
        add(ctx.txId(), author.number(), p, founderFastTrack ? 0 : (int) params.get(GovernanceParams.SPONSORS_REQUIRED),
                params, ctx.time());
    }

    /** A new proposal, frozen with the parameters in force; sponsored at once if it needs no sponsors. */
    private Proposal add(Hash id, int author, Propose p, int sponsorsRequired, Parameters params, long time) {
        int hours = p.votingHours().orElse((int) params.get(GovernanceParams.VOTING_HOURS));
        Proposal proposal = new Proposal(proposals.size(), id, author, p, sponsorsRequired,
                params.get(GovernanceParams.DELIBERATION_HOURS) * HOUR_MS, hours * HOUR_MS,
                params.get(GovernanceParams.TIMELOCK_HOURS) * HOUR_MS, params.get(GovernanceParams.QUORUM_BP),
                params.get(GovernanceParams.VOICE_CREDITS), params.get(GovernanceParams.EPOCH_DAYS) * 24 * HOUR_MS,
                params.get(GovernanceParams.MAX_DELEGATED_BP), time);
        if (SortitionParams.panelKinds(params).contains(p.kind())) {
            proposal.panelShareBp = params.get(SortitionParams.OUTSIDE_SHARE_BP);
        }
        proposals.add(proposal);
        byId.put(proposal.id, proposal);
        if (proposal.sponsorsRequired == 0) {
            sponsored(proposal, time);
        }
        return proposal;
    }

    /**
     * A proposed text of the canon that reached its endorsements: a yes/no text amendment by its author, with the
     * threshold the stage requires, sponsored by its endorsers. Its id is the id of the completing endorsement.
     */
    void proposeFromCanon(GovernanceEffect.ProposeFromCanon c, BlockContext ctx) {
        Propose terms = new Propose(c.title(), c.text(), "charter", Amendments.TEXT.name(), c.action(), Method.YES_NO,
                List.of(), 1, 0, false, c.threshold(), Optional.empty());
        Proposal p = add(c.id(), c.author(), terms, c.endorsers().length, ctx.parameters(), ctx.time());
        p.sponsors = c.endorsers().clone();
        sponsored(p, ctx.time());
    }

    /**
     * The founder's suspensive veto: a passed binding proposal awaiting its timelock is delayed once, by its own
     * voting period.
     */
    public void checkVetoable(Hash id, long time) {
        Proposal p = proposal(id);
        if (p.state != Proposal.State.PASSED || p.action() == null || p.vetoedAt != 0 || time >= p.executableAt) {
            throw new Rejection(CharterCode.NOT_VETOABLE, "proposal #" + p.number + " is " + p.state.json()
                    + (p.vetoedAt != 0 ? " and was vetoed already" : p.action() == null ? " and binds nothing" : ""));
        }
    }

    /** Carries out a veto its sender checked with {@link #checkVetoable}. */
    void veto(Hash id, long time) {
        Proposal p = proposal(id);
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
            credits.charge(p, voter.number(), q.cost(), refund);
        }
        p.ballots.put(voter.number(), v.ballot());
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
            credits.charge(p, member.number(), q.cost(), refund);
        }
        p.panelBallots.put(member.number(), v.ballot());
    }

    private void delegate(Delegate d, TxContext ctx) {
        Person from = activeCitizen(ctx);
        Person to = ctx.view(Registry.class).byId(d.to())
                .orElseThrow(() -> new Rejection(NOT_A_CITIZEN, "no person " + d.to().hex()));
        if (to == from) {
            throw new Rejection(SELF_DELEGATION, "nobody delegates to themselves");
        }
        if (!to.activeCitizen(ctx.time())) {
            throw new Rejection(NOT_A_CITIZEN, "person #" + to.number() + " is not a citizen in good standing");
        }
        if (delegations.wouldCycle(from.number(), d.topic(), to.number())) {
            throw new Rejection(DELEGATION_CYCLE, "person #" + to.number() + " already delegates, directly or "
                    + "through others, back to you on " + (d.topic().equals(ALL_TOPICS) ? "some topic" : d.topic()));
        }
        delegations.set(from.number(), d.topic(), to.number(), ctx.leafIndex());
    }

    private void undelegate(Undelegate u, TxContext ctx) {
        Person from = signer(ctx);
        if (from == null || !delegations.remove(from.number(), u.topic())) {
            throw new Rejection(NO_DELEGATION, "you have no delegation on " + u.topic());
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
        execute(p, ctx.block());
    }

    // ---- what happens at set times ----------------------------------------------------------------------------

    /** Opens, closes and executes what is due by the end of this block. */
    void endBlock(BlockContext ctx) {
        long time = ctx.time();
        while (!due.isEmpty() && due.firstKey() <= time) {
            Map.Entry<Long, TreeSet<Integer>> first = due.firstEntry();
            int number = first.getValue().pollFirst();
            if (first.getValue().isEmpty()) {
                due.remove(first.getKey());
            }
            Proposal p = proposals.get(number);
            switch (p.state) {
                case SPONSORED -> open(p, ctx);
                case VOTING -> close(p, ctx.time(), ctx.height());
                case PASSED -> execute(p, ctx);
                default -> { } // cancelled, or executed by a transaction
            }
        }
    }

    /** The earliest time something is due, or Long.MAX_VALUE. */
    public long nextDue() {
        return due.isEmpty() ? Long.MAX_VALUE : due.firstKey();
    }

    private void open(Proposal p, BlockContext ctx) {
        long time = ctx.time();
        BitSet electorate = new BitSet();
        int size = 0;
        for (Person person : ctx.view(Registry.class).all()) {
            if (person.activeCitizen(time)) {
                electorate.set(person.number());
                size++;
            }
        }
        p.electorate = electorate;
        p.electorateSize = size;
        p.state = Proposal.State.VOTING;
        p.openedAt = time;
        p.openedHeight = ctx.height();
        p.closesAt = time + p.votingMs;
        p.epoch = (time - ctx.facts().genesisTime()) / p.epochMs;
        schedule(p.closesAt, p.number);
        if (p.panelShareBp > 0) {
            drawPanel(p, ctx);
        }
    }

    /**
     * Outside representation: a panel of host residents, drawn by lot when voting opens (stratified by region if the
     * charter says so), holds panelShareBp of the result. With fewer host residents than sortition.minPanel there is
     * no panel, and the proposal says why.
     */
    private void drawPanel(Proposal p, BlockContext ctx) {
        Parameters params = ctx.parameters();
        List<Selection.Member> pool = Sortition.pool(ctx.view(Registry.class), Draw.Pool.HOST_RESIDENTS, ctx.time(),
                x -> true);
        long min = params.get(SortitionParams.MIN_PANEL);
        if (pool.size() < min) {
            p.panelNote = "no outside panel: " + pool.size() + " host residents registered, fewer than " + min;
            return;
        }
        int size = (int) Math.min(params.get(SortitionParams.PANEL_SIZE), pool.size());
        p.panelDraw = Sortition.idFor(Draw.Purpose.PANEL, p.id);
        ctx.send(new SortitionEffect.RequestDraw(p.panelDraw, Draw.Purpose.PANEL, p.id, Draw.Pool.HOST_RESIDENTS, pool,
                size, params.get(SortitionParams.STRATIFY) == 1));
    }

    /** Seats a proposal's outside panel, drawn by lot (when the sortition mechanism says the draw is made). */
    void seatPanel(Hash proposal, int[] members) {
        Proposal p = proposal(proposal);
        if (p.state != Proposal.State.VOTING) {
            // drawn too late to take part (a vote shorter than the stewards' hours): the result stands without it
            p.panelNote = "no outside panel: it was drawn after the vote closed";
            return;
        }
        p.panel = members.clone();
    }

    private void close(Proposal p, long time, long height) {
        Delegations.Carried c = delegations.carried(p);
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

    /**
     * Carries out a passed proposal's action: checked now, then sent to the mechanism that declares its kind; if the
     * check refuses, the proposal is recorded as not executed and nothing else changes.
     */
    private void execute(Proposal p, BlockContext ctx) {
        List<Integer> winners = new ArrayList<>();
        for (int w : p.result.winners()) {
            winners.add(w);
        }
        Execution execution = new Execution(p.id, ctx.time(), ctx.height(), false, winners);
        try {
            p.action().checkExecution(execution, ctx.reads());
        } catch (Rejection r) {
            p.state = Proposal.State.NOT_EXECUTED;
            p.executionNote = r.toString();
            p.executedAt = ctx.time();
            return;
        }
        p.state = Proposal.State.EXECUTED;
        p.executionNote = "carried out";
        p.executedAt = ctx.time();
        ctx.send(new Carry(p.action(), execution));
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
        Delegations.Carried c = delegations.carried(p);
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
        return ctx.view(Registry.class).byCurrentKey(ctx.signer()).orElse(null);
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
        return delegations.of(person);
    }

    /** How many delegate to a person, by topic. */
    public Map<String, Integer> delegatorsOf(int person) {
        return delegations.to(person);
    }

    /** Voice credits a person has spent in an epoch. */
    public long creditsSpent(long epoch, int person) {
        return credits.spent(epoch, person);
    }

    /** Voice credits a person has left in the epoch a time falls in, under these parameters. */
    public long creditsLeft(int person, long time, long genesisTime, Parameters p) {
        long perEpoch = p.get(GovernanceParams.VOICE_CREDITS);
        return Math.max(0, perEpoch - creditsSpent(epochOf(time, genesisTime, p), person));
    }

    /** Voice credits a person has left to spend on this proposal (the credits it froze, in its epoch). */
    public long creditsLeft(Proposal p, int person) {
        return Math.max(0, p.voiceCredits - creditsSpent(p.epoch, person));
    }

    /** The index of the quadratic-voting epoch a time falls in. */
    public static long epochOf(long time, long genesisTime, Parameters p) {
        return VoiceCredits.epochOf(time, genesisTime, p);
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(proposals.size());
        for (Proposal p : proposals) {
            ProposalCodec.write(w, p);
        }
        delegations.write(w);
        credits.write(w);
    }

    void read(StateReader r, org.phyle.core.tx.Vocabulary vocabulary) {
        Governance g = this;
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Proposal p = ProposalCodec.read(r, vocabulary);
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
        delegations.read(r);
        credits.read(r);
    }
}

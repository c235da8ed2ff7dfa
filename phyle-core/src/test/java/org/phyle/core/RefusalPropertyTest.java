package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.authority.CharterActions;
import org.phyle.core.authority.CharterTx;
import org.phyle.core.canon.Canon;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.charter.Amendments;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.ChallengeCase;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.citizenship.Person;
import org.phyle.core.discussion.Discussion;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.core.economy.EconomyActions;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.economy.Matching;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.land.LandActions;
import org.phyle.core.land.LandTx;
import org.phyle.core.land.Tenure;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A transaction is all or nothing: over generated histories that mix every mechanism's transactions (valid ones,
 * and ones refused at every depth: by the envelope, by the mechanism that applies them, and by the checks a mechanism
 * makes before it sends effects to another), the state digest after each refused transaction equals the digest before
 * it, and replaying the sealed blocks gives the same state.
 */
class RefusalPropertyTest {
    static final long T0 = 1_800_000_000_000L;
    static final long HOUR = 3_600_000L;

    static LongStream seeds() {
        return LongStream.range(0, 24);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRefusedTransactionChangesNothing(long seed) {
        World w = new World(seed);
        w.run(260);
        assertThat(w.refused).as("refusals seen").isGreaterThan(40);
        assertThat(w.accepted).as("acceptances seen").isGreaterThan(30);
        Society replica = Society.fromGenesis(w.genesis);
        w.blocks.forEach(replica::apply);
        assertThat(replica.digest()).as("replay equals state").isEqualTo(w.society.digest());
    }

    @Test
    void theHistoriesReachRefusalsInEveryMechanism() {
        Map<String, Integer> codes = new TreeMap<>();
        for (long seed = 100; seed < 106; seed++) {
            World w = new World(seed);
            w.run(400);
            w.codes.forEach((c, n) -> codes.merge(c, n, Integer::sum));
        }
        assertThat(codes.keySet()).as(codes.toString()).hasSizeGreaterThan(30);
        for (String prefix : List.of("NOT_A_CITIZEN", "UNKNOWN_PROPOSAL", "UNKNOWN_DRAW", "NOT_FOUNDER",
                "UNKNOWN_TEXT", "NOT_VETOABLE", "NOT_ON_COUNCIL", "NO_PANEL", "NOT_IN_THIS_STAGE", "TX_REPLAYED", "INSUFFICIENT_FUNDS", "UNKNOWN_CAMPAIGN",
                "UNKNOWN_PARCEL")) {
            assertThat(codes).as(prefix).containsKey(prefix);
        }
    }

    /** A society driven by a seeded generator; every transaction is offered in a block of its own. */
    static final class World {
        final Random rnd;
        final SigningKey founder = key(1);
        final SigningKey sequencer = key(2);
        final SigningKey registrar = key(3);
        final List<SigningKey> people = new ArrayList<>();
        final List<VerifiedTx> sent = new ArrayList<>();
        final Block genesis;
        final Society society;
        final List<Block> blocks = new ArrayList<>();
        final Map<String, Integer> codes = new TreeMap<>();
        long now = T0;
        int refused;
        int accepted;
        private int nonce;
        private int keys = 10;

        World(long seed) {
            rnd = new Random(seed);
            Parameters p = Catalog.defaultParameters()
                    .withKeys("citizenship.hostRegistrars", List.of(registrar.verifyingKey()))
                    .with("citizenship.vouchesRequired", 2).with("citizenship.jurySize", 3)
                    .with("citizenship.recoveryDelayDays", 1).with("governance.sponsorsRequired", 1)
                    .with("governance.deliberationHours", 1).with("governance.votingHours", 2)
                    .with("governance.minVotingHours", 1).with("governance.timelockHours", 1)
                    .with("sortition.panelSize", 3).with("sortition.minPanel", 2)
                    .with("charter.communityAt", 8 + rnd.nextInt(10)).with("charter.republicAt", 30)
                    .with("charter.commonwealthAt", 40).with("charter.sovereignAt", 50)
                    .with("charter.canonEndorsements", 2).with("charter.councilSize", 3);
            genesis = Society.createGenesis(founder, "Founder", sequencer, "Refusals", "To refuse things.", p, T0,
                    "genesis-" + seed);
            society = Society.fromGenesis(genesis);
            people.add(founder);
        }

        static SigningKey key(int n) {
            byte[] seed = new byte[32];
            seed[0] = (byte) n;
            seed[1] = (byte) (n >> 8);
            seed[30] = 42;
            return SigningKey.fromSeed(seed);
        }

        void run(int steps) {
            for (int i = 0; i < 8; i++) {
                SigningKey k = newcomer();
                VerifiedTx application = tx(k, applyAsCitizen(k));
                offerTx(application);
                offerTx(tx(founder, new CitizenshipTx.Admit(application.id())));
            }
            for (int i = 0; i < 4; i++) {
                SigningKey k = newcomer();
                offerTx(tx(registrar, new CitizenshipTx.RegisterHostResident(k.verifyingKey(), "Resident " + i,
                        i % 2 == 0 ? "north" : "south", k.sign(KeyProof.hostResidentMessage(society.id())))));
            }
            offerTx(tx(founder, new CharterTx.Amend("stewards", new CharterActions.Stewards(List.of(
                    society.registry().byNumber(1).orElseThrow().id(), society.registry().byNumber(2).orElseThrow()
                            .id()), List.of()))));
            for (int step = 0; step < steps; step++) {
                int r = rnd.nextInt(100);
                if (r < 8) {
                    now += rnd.nextInt(4) == 0 ? 30 * HOUR : HOUR + rnd.nextInt((int) HOUR);
                    blocks.add(society.newBlock(now).seal(sequencer));
                    proveDue();
                } else if (r < 11 && !sent.isEmpty()) {
                    offerTx(sent.get(rnd.nextInt(sent.size()))); // a replay
                } else {
                    SigningKey signer = signer();
                    offerTx(tx(signer, body(signer)));
                }
            }
        }

        private SigningKey newcomer() {
            SigningKey k = key(keys++);
            people.add(k);
            return k;
        }

        private TxBody applyAsCitizen(SigningKey k) {
            return new CitizenshipTx.Apply("Person " + keys, CitizenshipTx.Seeking.CITIZEN, society.charterHash(),
                    Optional.empty());
        }

        private void offer(SigningKey signer, java.util.function.Function<SigningKey, TxBody> body) {
            offerTx(tx(signer, body.apply(signer)));
        }

        private SigningKey signer() {
            int r = rnd.nextInt(20);
            if (r == 0) {
                return sequencer;
            }
            if (r == 1) {
                return registrar;
            }
            if (r < 5) {
                return founder;
            }
            if (r == 5) {
                return key(50_000 + rnd.nextInt(1000)); // a stranger
            }
            return people.get(rnd.nextInt(people.size()));
        }

        /** The transaction, or null if the decoder refuses it (it never reaches the state: nothing to compare). */
        VerifiedTx tx(SigningKey signer, TxBody body) {
            long expires = now + (rnd.nextInt(30) == 0 ? -HOUR : 600_000);
            try {
                return society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), signer, body,
                        "r" + nonce++, Math.max(0, expires))));
            } catch (Rejection r) {
                codes.merge("decoder:" + r.code().name(), 1, Integer::sum);
                return null;
            }
        }

        void offerTx(VerifiedTx tx) {
            if (tx == null) {
                return;
            }
            Hash before = society.digest();
            BlockBuilder b = society.newBlock(now);
            TxOutcome o = b.offer(tx);
            if (o instanceof TxOutcome.Rejected r) {
                b.abandon();
                assertThat(society.digest()).as("state after refused %s (%s)", tx.type(), r.rejection())
                        .isEqualTo(before);
                refused++;
                codes.merge(r.rejection().code().name(), 1, Integer::sum);
            } else {
                blocks.add(b.seal(sequencer));
                accepted++;
                sent.add(tx);
            }
            proveDue();
        }

        void proveDue() {
            for (Draw d : society.sortition().pending()) {
                if (d.revealUntil() <= now && d.requestedHeight() < society.height() + 1) {
                    BlockBuilder b = society.newBlock(now);
                    b.offer(Objects.requireNonNull(tx(sequencer, new SortitionTx.Prove(d.id(),
                            sequencer.vrfProve(d.alpha())))));
                    if (b.isEmpty()) {
                        b.abandon();
                    } else {
                        blocks.add(b.seal(sequencer));
                    }
                }
            }
        }

        // ---- what to send: a random transaction of any mechanism, aimed at something that exists or not ----------

        private <T> T pick(List<T> list, T otherwise) {
            return list.isEmpty() || rnd.nextInt(8) == 0 ? otherwise : list.get(rnd.nextInt(list.size()));
        }

        private Hash junk() {
            return Hash.sha256(new byte[] {(byte) rnd.nextInt(256), (byte) rnd.nextInt(256)});
        }

        private Hash person() {
            List<Hash> ids = society.registry().all().stream().map(Person::id).toList();
            return pick(ids, junk());
        }

        private Hash proposal() {
            List<Hash> ids = society.governance().proposals().stream().map(Proposal::id).toList();
            return pick(ids, junk());
        }

        private Proposal openProposal() {
            List<Proposal> open = society.governance().proposals().stream()
                    .filter(p -> p.state() == Proposal.State.VOTING).toList();
            return open.isEmpty() ? null : open.get(rnd.nextInt(open.size()));
        }

        private Hash draw() {
            return pick(society.sortition().draws().stream().map(Draw::id).toList(), junk());
        }

        private Hash text() {
            return pick(society.canon().texts().stream().map(Canon.Text::id).toList(), junk());
        }

        private Hash comment() {
            Discussion d = society.view(Discussion.class);
            List<Hash> ids = new ArrayList<>();
            for (Proposal p : society.governance().proposals()) {
                d.thread(DiscussionTx.On.PROPOSAL, p.id()).forEach(c -> ids.add(c.id()));
            }
            return pick(ids, junk());
        }

        private Hash challenge() {
            return pick(society.registry().challenges().stream().map(ChallengeCase::id).toList(), junk());
        }

        private Ballot ballot(Proposal p) {
            Method m = p == null ? Method.YES_NO : p.method();
            int options = p == null ? 2 : Math.max(1, p.options().size());
            return switch (m) {
                case YES_NO -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[rnd.nextInt(3)]);
                case QUADRATIC -> {
                    int[] votes = new int[options];
                    votes[rnd.nextInt(options)] = rnd.nextInt(14) - 2;
                    yield new Ballot.Quadratic(votes);
                }
                case APPROVAL -> new Ballot.Approval(new int[] {rnd.nextInt(options + 1)});
                case RANKED -> new Ballot.Ranked(new int[] {rnd.nextInt(options), rnd.nextInt(options + 1)});
            };
        }

        private GovernanceTx.Propose propose() {
            return switch (rnd.nextInt(12)) {
                case 10 -> economic("territory", new LandActions.NewTerritory("Land", "PT", rnd.nextBoolean()
                        ? Tenure.HARBERGER : Tenure.LAND_VALUE, rnd.nextInt(2_000), rnd.nextInt(3) * 1_000L,
                        someone().verifyingKey().did()));
                case 11 -> rnd.nextBoolean() ? economic("parcel", new LandActions.NewParcel(number(),
                        landSquare(rnd.nextInt(4)), landArea(), Optional.empty()))
                        : economic("assessment", new LandActions.Assess(number(), money()));
                case 0 -> GovernanceTx.Propose.signal("A signal", "Say so.");
                case 7 -> economic("treasury-spend", new EconomyActions.TreasurySpend(someone().verifyingKey().did(),
                        money(), "grants", "a grant"));
                case 8 -> economic("issue", new EconomyActions.Issue(money(), "new money"));
                case 9 -> economic("qf-round", new EconomyActions.FundingRound("Round", money(), 1 + rnd.nextInt(3),
                        1 + rnd.nextInt(3), rnd.nextBoolean() ? EconomyActions.Approval.STEWARDS
                        : EconomyActions.Approval.VOTE, rnd.nextBoolean() ? Matching.Mode.STANDARD
                        : Matching.Mode.PAIRWISE, 1 + rnd.nextInt(10_000), 1 + rnd.nextInt(1_000_000)));
                case 1 -> new GovernanceTx.Propose("Quorum", "", "rules", "parameter",
                        new Amendments.ParameterChange(Map.of("governance.quorumBp", "" + rnd.nextInt(12_000))),
                        Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty());
                case 2 -> new GovernanceTx.Propose("Article", "", "charter", "text",
                        new Amendments.TextAmendment(rnd.nextBoolean() ? "article:x" : "purpose", rnd.nextBoolean()
                                ? "Text." : ""), Method.YES_NO, List.of(), 1, 0, false,
                        Threshold.named(rnd.nextBoolean() ? "majority" : "two-thirds"), Optional.empty());
                case 3 -> new GovernanceTx.Propose("Stewards", "", "offices", "stewards",
                        new CharterActions.Stewards(List.of(person()), List.of()), Method.YES_NO, List.of(), 1, 0,
                        false, Threshold.named("majority"), Optional.empty());
                case 4 -> new GovernanceTx.Propose("Budget", "", "general", "signal", null, Method.QUADRATIC,
                        List.of("a", "b"), 1, 0, rnd.nextBoolean(), Threshold.named("majority"), Optional.empty());
                case 5 -> new GovernanceTx.Propose("Pick", "", "general", "signal", null, Method.APPROVAL,
                        List.of("a", "b", "c"), 1 + rnd.nextInt(2), 3, false, Threshold.named("majority"),
                        Optional.empty());
                default -> new GovernanceTx.Propose("Council", "", "offices", "council",
                        new CharterActions.CouncilElection(List.of(person(), person())), Method.APPROVAL,
                        List.of("x", "y"), 1, 2, false, Threshold.named("majority"), Optional.empty());
            };
        }

        private GovernanceTx.Propose economic(String kind, org.phyle.core.proposals.ProposalAction action) {
            return new GovernanceTx.Propose("Money", "", "economy", kind, action, Method.YES_NO, List.of(), 1, 0,
                    false, Threshold.named("majority"), Optional.empty());
        }

        /** An amount of money: mostly a few units, sometimes none, negative or more than anyone has. */
        /** A square 0.001° on a side in a row in Lisbon (the first two overlap). */
        private static com.fasterxml.jackson.databind.JsonNode landSquare(int i) {
            String lon0 = i == 0 ? "-9.1305" : java.math.BigDecimal.valueOf(-91_300_000L + i * 10_000L, 7)
                    .stripTrailingZeros().toPlainString();
            String lon1 = new java.math.BigDecimal(lon0).add(new java.math.BigDecimal("0.001")).toPlainString();
            return org.phyle.crypto.StrictJson.parse("{\"type\":\"Polygon\",\"coordinates\":[[[" + lon0
                    + ",38.71],[" + lon1 + ",38.71],[" + lon1 + ",38.711],[" + lon0 + ",38.711],[" + lon0
                    + ",38.71]]]}");
        }

        /** The geodesic area of such a square, rounded to whole m². */
        private static long landArea() {
            net.sf.geographiclib.PolygonArea a = new net.sf.geographiclib.PolygonArea(
                    net.sf.geographiclib.Geodesic.WGS84, false);
            a.AddPoint(38.71, -9.13);
            a.AddPoint(38.71, -9.129);
            a.AddPoint(38.711, -9.129);
            a.AddPoint(38.711, -9.13);
            return Math.round(Math.abs(a.Compute(false, false).area));
        }

        private long money() {
            return switch (rnd.nextInt(10)) {
                case 0 -> -rnd.nextInt(3);
                case 1 -> 1_000_000_000_000_000L;
                default -> 1 + rnd.nextInt(5_000_000);
            };
        }

        /** An opinion key: a valid one of a few, or 32 bytes that encode nothing. */
        private String opinionKey() {
            byte[] b = rnd.nextInt(4) == 0 ? new byte[32]
                    : org.phyle.crypto.ring.RistrettoElement.multiplyGenerator(
                            org.phyle.crypto.ring.Scalar.of(1 + rnd.nextInt(4))).encode();
            if (rnd.nextInt(4) == 0) {
                java.util.Arrays.fill(b, (byte) 0xff);
            }
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }

        private SigningKey someone() {
            return people.get(rnd.nextInt(people.size()));
        }

        private int number() {
            return rnd.nextInt(3);
        }

        TxBody body(SigningKey signer) {
            Proposal open = openProposal();
            return switch (rnd.nextInt(47)) {
                case 43 -> new LandTx.NewParcel(number(), landSquare(rnd.nextInt(4)), rnd.nextInt(8) == 0 ? 5
                        : landArea(), Optional.empty());
                case 44 -> rnd.nextBoolean() ? new LandTx.Claim(number(), rnd.nextInt(4) == 0 ? 1 : 0,
                        rnd.nextBoolean() ? Optional.of(money()) : Optional.empty(), money())
                        : new LandTx.Bid(number(), money(), money());
                case 45 -> switch (rnd.nextInt(6)) {
                    case 0 -> new LandTx.SetPrice(number(), money());
                    case 1 -> new LandTx.Deposit(number(), money());
                    case 2 -> new LandTx.Withdraw(number(), money());
                    case 3 -> new LandTx.Accept(number());
                    case 4 -> new LandTx.Reject(number(), money());
                    default -> new LandTx.Release(number());
                };
                case 46 -> switch (rnd.nextInt(9)) {
                    case 0 -> new LandTx.Leave();
                    case 1, 2 -> new LandTx.Reside(number());
                    case 3 -> new LandTx.Establish(number(), "Land", Tenure.HARBERGER, rnd.nextInt(2_000), 0);
                    case 4 -> new LandTx.Build(number(), "A shed", money());
                    case 5 -> new LandTx.OpinionKey(opinionKey(), java.util.Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(new byte[96]));
                    case 6 -> new LandTx.RecordRing(number(), rnd.nextInt(3) + (T0 / (30 * 24 * HOUR)),
                            List.of(opinionKey(), opinionKey()));
                    default -> new LandTx.Opine(number(), rnd.nextInt(3) + (T0 / (30 * 24 * HOUR)), 1 + rnd.nextInt(3),
                            org.phyle.core.land.BuildingTax.Opinion.values()[rnd.nextInt(3)],
                            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                                    new byte[32 * (2 + rnd.nextInt(4))]));
                };
                case 0 -> new NotaryRecord(junk(), "minutes", Optional.empty());
                case 1, 2 -> {
                    SigningKey k = rnd.nextBoolean() ? newcomer() : signer;
                    yield new CitizenshipTx.Apply("Someone", rnd.nextInt(4) == 0 ? CitizenshipTx.Seeking.E_RESIDENT
                            : CitizenshipTx.Seeking.CITIZEN, rnd.nextInt(6) == 0 ? junk() : society.charterHash(),
                            Optional.empty());
                }
                case 3 -> new CitizenshipTx.Admit(person());
                case 4, 5 -> new CitizenshipTx.Vouch(person());
                case 6 -> new CitizenshipTx.Challenge(person(), CitizenshipTx.Grounds.DUPLICATE, "Seen twice.",
                        Optional.empty());
                case 7 -> new CitizenshipTx.JuryVote(challenge(), rnd.nextBoolean() ? CitizenshipTx.Verdict.REVOKE
                        : CitizenshipTx.Verdict.DISMISS);
                case 8 -> new CitizenshipTx.SetGuardians(List.of(person(), person()), 1 + rnd.nextInt(2));
                case 9 -> {
                    SigningKey fresh = key(keys++);
                    Hash target = person();
                    yield new CitizenshipTx.Recover(target, fresh.verifyingKey(),
                            fresh.sign(KeyProof.message(society.id(), target)));
                }
                case 10 -> new CitizenshipTx.CompleteRecovery(person());
                case 11 -> new CitizenshipTx.CancelRecovery();
                case 12 -> new CitizenshipTx.Renew(rnd.nextInt(4) == 0 ? junk() : society.charterHash());
                case 13 -> rnd.nextInt(10) == 0 ? new CitizenshipTx.Renounce() : new CitizenshipTx.DeclareResidence(
                        Optional.of("harbour"));
                case 14 -> {
                    SigningKey k = newcomer();
                    yield new CitizenshipTx.RegisterHostResident(k.verifyingKey(), "Resident", rnd.nextBoolean()
                            ? "north" : "south", k.sign(KeyProof.hostResidentMessage(society.id())));
                }
                case 15 -> new CitizenshipTx.EndHostResidence(person());
                case 16, 17 -> propose();
                case 18 -> new GovernanceTx.Sponsor(proposal());
                case 19 -> new GovernanceTx.Cancel(proposal());
                case 20, 21, 22 -> new GovernanceTx.Vote(open == null ? proposal() : open.id(), ballot(open));
                case 23 -> new GovernanceTx.PanelVote(open == null ? proposal() : open.id(), ballot(open));
                case 24 -> rnd.nextBoolean() ? new GovernanceTx.Delegate(rnd.nextBoolean() ? "*" : "rules", person())
                        : new GovernanceTx.Undelegate(rnd.nextBoolean() ? "*" : "rules");
                case 25 -> new GovernanceTx.Execute(proposal());
                case 26 -> new SortitionTx.Request(rnd.nextBoolean() ? Draw.Pool.CITIZENS : Draw.Pool.HOST_RESIDENTS,
                        1 + rnd.nextInt(4), rnd.nextBoolean(), "a jury");
                case 27 -> {
                    Hash d = draw();
                    byte[] secret = new byte[32];
                    secret[0] = (byte) signer.hashCode();
                    yield rnd.nextBoolean() ? new SortitionTx.Commit(d, Selection.commitment(d, secret))
                            : new SortitionTx.Reveal(d, secret);
                }
                case 28 -> rnd.nextBoolean() ? new CanonTx.Publish(CanonTx.Kind.ESSAY, "An essay", "Words.",
                        Optional.empty()) : new CanonTx.Publish(CanonTx.Kind.ARTICLE, "An article", "Words.",
                        Optional.of(rnd.nextInt(5) == 0 ? "purpose" : "article:canon"));
                case 29 -> new CanonTx.Endorse(text());
                case 30 -> rnd.nextBoolean()
                        ? new CharterTx.Amend("parameter", new Amendments.ParameterChange(Map.of(rnd.nextBoolean()
                        ? "charter.communityAt" : "governance.quorumBp", "" + rnd.nextInt(300))))
                        : new CharterTx.Amend("stewards", new CharterActions.Stewards(List.of(person()), List.of()));
                case 31 -> new CharterTx.Veto(proposal());
                case 32 -> rnd.nextInt(5) == 0 ? new CharterTx.Retire()
                        : new CharterTx.CouncilAct(rnd.nextBoolean() ? Offices.Act.APPOINT_STEWARD
                        : Offices.Act.DISMISS_STEWARD, person());
                case 33, 34 -> rnd.nextInt(4) == 0 ? EconomyTx.Transfer.toTreasury(money(), "fee", rnd.nextBoolean())
                        : new EconomyTx.Transfer(someone().verifyingKey().did(), money(), "", false);
                case 35 -> new EconomyTx.Lock(money(), Optional.empty(), now + rnd.nextInt(3) * HOUR);
                case 36 -> rnd.nextBoolean() ? new EconomyTx.Apply(number(), "A project", someone().verifyingKey(),
                        "") : new EconomyTx.Approve(number(), number());
                case 37 -> rnd.nextInt(4) == 0 ? new EconomyTx.Payout(number())
                        : new EconomyTx.Contribute(number(), number(), money());
                case 38 -> rnd.nextBoolean() ? new EconomyTx.Campaign("Land", "A field.", "PT", money(),
                        now + rnd.nextInt(3) * HOUR, someone().verifyingKey()) : new EconomyTx.Pledge(number(), money());
                case 39 -> new GovernanceTx.PanelVote(open == null ? proposal() : open.id(), ballot(open));
                case 40 -> new DiscussionTx.Comment(rnd.nextBoolean() ? DiscussionTx.On.PROPOSAL
                        : DiscussionTx.On.CANON, rnd.nextBoolean() ? proposal() : text(), rnd.nextInt(3) == 0
                        ? Optional.of(comment()) : Optional.empty(), junk(), 1 + rnd.nextInt(100));
                case 41 -> new DiscussionTx.Erase(comment());
                default -> new SortitionTx.Prove(draw(), new byte[80]);
            };
        }
    }
}

package org.phyle.node.demo;

import org.phyle.core.Catalog;
import org.phyle.core.charter.Amendments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.ChallengeCase;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.citizenship.Person;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.node.store.CommentTexts;
import org.phyle.core.authority.CharterActions;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.authority.CharterTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceParams;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Committed;
import org.phyle.node.KeyFile;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.SteppedClock;
import org.phyle.node.store.LedgerStore;

/**
 * The demo society, created on first run in its data directory and given a history through the node's front door,
 * as its members would have written it: a founder who admits the first dozen citizens, some three hundred more
 * admitted by vouching, e-residents, host residents in five neighbourhoods, residents of a territory, a challenge
 * dismissed and one that removes a duplicate, a recovery by guardians, an exit, delegations, and proposals of every
 * counting method, four decided and four still voting. Its history spans {@link #HISTORY_DAYS} days of block time,
 * written in seconds on a stepped clock. Every person's key is kept in {@code keys/people.json} so that demos and
 * tests can act as them.
 */
public final class DemoSociety {
    public static final String NAME = "Lisbon Commons";
    public static final String FOUNDER_NAME = "Marta Silva";
    public static final String PURPOSE = "A network of neighbours who fund and run shared spaces together, decide by "
            + "one person one vote, and keep every decision on a ledger anyone can check.";
    public static final int FOUNDER_ADMITTED = 12;
    public static final int VOUCHED = 288;
    public static final int E_RESIDENTS = 20;
    public static final int HOST_RESIDENTS = 150;
    public static final List<String> REGIONS = List.of("Lisbon/Alfama", "Lisbon/Mouraria", "Lisbon/Graça",
            "Porto/Ribeira", "Faro/Sé");
    public static final String TERRITORY = "Casa da Horta";
    /** How many days of history the demo has: its genesis is this long before the first run. */
    public static final int HISTORY_DAYS = 100;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static final String[][] HISTORY = {
        {"Founding statement", PURPOSE},
        {"Charter draft 0.1", "Articles on membership, assemblies and the handover of founder powers."},
        {"Minutes: first online assembly", "42 people attended; the charter draft was discussed."},
        {"Photo: first meetup at the Mouraria garden", null},
        {"Budget proposal 2027", "Shared workshop rent, tools library, a small events fund."},
        {"Minutes: second assembly", "Budget adopted in principle; working groups formed."},
        {"Lease offer: Rua das Flores workshop", "Three-year lease, first right of purchase."},
        {"Tools library inventory", "118 tools catalogued, 12 donated this month."},
        {"Code of conduct 1.0", null},
        {"Charter 1.0 published", "Adopted after two readings; see the canon."},
    };
    private static final String[] FIRST = {"Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo",
        "Inês", "João", "Kiara", "Luís", "Mariana", "Nuno", "Olga", "Pedro", "Quitéria", "Rui", "Sofia", "Tiago",
        "Uma", "Vasco", "Wen", "Xavier", "Yara", "Zé", "Amara", "Bilal", "Chen", "Dara"};
    private static final String[] LAST = {"Almeida", "Barros", "Costa", "Dias", "Esteves", "Ferreira", "Gomes",
        "Henriques", "Infante", "Jesus", "Lopes", "Marques", "Nunes", "Oliveira", "Pereira", "Queirós", "Rocha",
        "Santos", "Teixeira", "Vieira"};

    private DemoSociety() {
    }

    /** True if the directory already holds a ledger (a second run reuses it). */
    public static boolean exists(Path data) {
        return LedgerStore.exists(data);
    }

    /** Creates the society's genesis, dated now, and its node in an empty data directory (no history). */
    public static void create(Path data) {
        create(data, System.currentTimeMillis());
    }

    private static void create(Path data, long genesisTime) {
        SigningKey founder = KeyFile.readOrCreate(data.resolve("keys/founder.key"));
        SigningKey registrar = KeyFile.readOrCreate(data.resolve("keys/host-registrar.key"));
        SigningKey nodeKey = SigningKey.generate();
        Parameters p = DemoEconomy.parameters(Catalog.defaultParameters()
                .withKeys(CitizenshipParams.HOST_REGISTRARS.name(), List.of(registrar.verifyingKey())));
        Block genesis = Society.createGenesis(founder, FOUNDER_NAME, nodeKey, NAME, PURPOSE, p, genesisTime, org.phyle.node.client.Nonces.random());
        Node.init(data, genesis, nodeKey);
    }

    /** The demo society, running, and what its history holds. */
    public record Demo(Node node, SteppedClock clock, Seeded seeded) {
    }

    /**
     * Creates the demo society in an empty data directory with its genesis {@link #HISTORY_DAYS} days ago, starts
     * its node on a clock that begins then, and writes its history day by day, stepping the clock forward, until the
     * clock reaches the present and runs on with the system's. Everything in the history happened at the block time
     * the ledger shows: the recovery waited its delay, the votes were open for their week.
     */
    public static Demo build(NodeConfig config) {
        SteppedClock clock = new SteppedClock(Instant.now().minus(Duration.ofDays(HISTORY_DAYS)));
        create(config.dataDir(), clock.millis());
        Node node = Node.open(config.withClock(clock));
        node.start();
        Seeded seeded = new Seeder(node, config.dataDir(), clock).run();
        clock.catchUp();
        return new Demo(node, clock, seeded);
    }

    /**
     * What the history holds, for messages and tests. Proposals are listed yes/no, quadratic, approval, ranked; the
     * finished ones closed days ago (the yes/no one, a parameter change, has taken effect), the open ones are voting.
     */
    public record Seeded(int transactions, long citizens, Hash dismissedChallenge, Hash revokedChallenge,
                         Hash recoveredPerson, Hash renouncedPerson, List<Hash> finishedProposals,
                         List<Hash> openProposals, Hash draftProposal, Hash delegate, Hash essay, Hash canonArticle,
                         Hash canonProposal, Hash entrenchProposal) {
    }

    /** Only the founder's ten notary records, at the node's own time: a small ledger, for tests of the ledger. */
    public static void seedRecordsOnly(Node node, Path data) {
        Seeder s = new Seeder(node, data, null);
        s.records();
        s.waitForAll();
    }

    /** The keys of everyone the demo created, by name (the founder is "Marta Silva"). */
    public static Map<String, SigningKey> keys(Path data) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        keys.put(FOUNDER_NAME, KeyFile.read(data.resolve("keys/founder.key")));
        Path people = data.resolve("keys/people.json");
        if (Files.exists(people)) {
            try {
                for (JsonNode p : StrictJson.parse(Files.readAllBytes(people))) {
                    keys.put(p.get("name").asText(), SigningKey.fromBase64Url(p.get("seed").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    static final class Seeder {
        private final java.util.Map<Hash, String> commentTexts = new java.util.LinkedHashMap<>();
        private final Node node;
        private final Path data;
        private final SteppedClock clock; // null: the node's own time, no history spread over days
        private final long genesis;
        private final Hash society;
        private final SigningKey founder;
        private final SigningKey registrar;
        final Map<String, SigningKey> keys = new LinkedHashMap<>();
        private final List<CompletableFuture<Committed>> pending = new ArrayList<>();
        private int transactions;
        private int nonce;

        Seeder(Node node, Path data, SteppedClock clock) {
            this.node = node;
            this.data = data;
            this.clock = clock;
            this.genesis = node.read(SocietyView::genesisTime);
            this.society = node.read(SocietyView::id);
            this.founder = KeyFile.read(data.resolve("keys/founder.key"));
            this.registrar = KeyFile.read(data.resolve("keys/host-registrar.key"));
        }

        long genesisTime() {
            return genesis;
        }

        Path data() {
            return data;
        }

        <T> T read(java.util.function.Function<SocietyView, T> f) {
            return node.read(f);
        }

        /** Waits for what was submitted, then steps the clock to this many days after the genesis. */
        void day(double days) {
            waitForAll();
            if (clock != null) {
                clock.stepTo(genesis + (long) (days * DAY));
            }
        }

        void records() {
            for (int i = 0; i < HISTORY.length; i++) {
                day(i * 2);
                String[] event = HISTORY[i];
                Hash digest = Hash.sha256((event[0] + "\n" + (event[1] == null ? "" : event[1]))
                        .getBytes(StandardCharsets.UTF_8));
                submit(founder, new NotaryRecord(digest, event[0], Optional.ofNullable(event[1])));
            }
        }

        Seeded run() {
            records();

            // the founder writes the first article herself: in the Founding stage she amends the charter alone
            day(5);
            submit(founder, new CharterTx.Amend("text", new Amendments.TextAmendment("article:" + DemoProposals.MEMBERSHIP,
                    DemoProposals.MEMBERSHIP_TEXT)));

            // the founding stage: the founder admits the first dozen
            day(20);
            List<String> names = names(FOUNDER_ADMITTED + VOUCHED + E_RESIDENTS + HOST_RESIDENTS + 4);
            int next = 0;
            Map<String, Integer> quota = new HashMap<>(); // vouches left, per citizen, in this period
            List<String> citizens = new ArrayList<>();
            for (int i = 0; i < FOUNDER_ADMITTED; i++) {
                String name = names.get(next++);
                Hash id = apply(name, CitizenshipTx.Seeking.CITIZEN);
                submit(founder, new CitizenshipTx.Admit(id));
                citizens.add(name);
                quota.put(name, 5);
            }
            // and appoints two stewards from the first citizens
            day(20.2);
            submit(founder, new CharterTx.Amend("stewards", new CharterActions.Stewards(
                    List.of(personOf(citizens.get(0)).id(), personOf(citizens.get(1)).id()), List.of())));
            // everyone else by three vouches (the Community stage begins with the hundredth citizen) from citizens with vouches left, over five weeks
            for (int i = 0; i < VOUCHED; i++) {
                if (i % 8 == 0) {
                    day(21 + 36.0 * i / VOUCHED);
                }
                String name = names.get(next++);
                Hash id = apply(name, CitizenshipTx.Seeking.CITIZEN);
                List<String> vouchers = new ArrayList<>(citizens);
                vouchers.sort(Comparator.comparing((String c) -> -quota.get(c)).thenComparing(citizens::indexOf));
                for (String voucher : vouchers.subList(0, 3)) {
                    submit(keys.get(voucher), new CitizenshipTx.Vouch(id));
                    quota.merge(voucher, -1, Integer::sum);
                }
                citizens.add(name);
                quota.put(name, 5);
            }
            day(58);
            for (int i = 0; i < E_RESIDENTS; i++) {
                apply(names.get(next++), CitizenshipTx.Seeking.E_RESIDENT);
            }
            day(59);
            for (int i = 0; i < HOST_RESIDENTS; i++) {
                String name = names.get(next++);
                SigningKey key = newKey(name);
                submit(registrar, new CitizenshipTx.RegisterHostResident(key.verifyingKey(), name,
                        REGIONS.get(i % REGIONS.size()), key.sign(KeyProof.hostResidentMessage(society))));
            }
            day(60);
            for (int i = 0; i < 30; i++) {
                submit(keys.get(citizens.get(3 + i * 7)), new CitizenshipTx.DeclareResidence(Optional.of(TERRITORY)));
            }

            // a recovery: a citizen who lost their phone gets their citizenship back through guardians
            day(60.5);
            String loser = citizens.get(40);
            Person lost = personOf(loser);
            List<Hash> guardians = List.of(personOf(citizens.get(41)).id(), personOf(citizens.get(42)).id(),
                    personOf(citizens.get(43)).id());
            submit(keys.get(loser), new CitizenshipTx.SetGuardians(guardians, 2));
            day(61);
            SigningKey replacement = SigningKey.generate(); // theirs once the recovery completes
            byte[] proof = replacement.sign(KeyProof.message(society, lost.id()));
            submit(keys.get(citizens.get(41)), new CitizenshipTx.Recover(lost.id(), replacement.verifyingKey(), proof));
            submit(keys.get(citizens.get(43)), new CitizenshipTx.Recover(lost.id(), replacement.verifyingKey(), proof));

            // a challenge the jury dismisses: an honest newcomer mistaken for someone else
            day(62);
            String newcomer = names.get(next++);
            Hash newcomerId = apply(newcomer, CitizenshipTx.Seeking.CITIZEN);
            Hash dismissed = challenge(citizens.get(5), newcomerId, CitizenshipTx.Grounds.DUPLICATE,
                    "Looks like #4 in the photo from the Mouraria meetup.");
            drawWithStewards(Sortition.idFor(Draw.Purpose.JURY, dismissed)); // the stewards add their secrets
            day(63);
            judge(dismissed, CitizenshipTx.Verdict.DISMISS);
            vouchWith(citizens, quota, newcomerId, 3);

            // a duplicate the jury removes: the same person applying under a second name, vouched by careless friends
            day(64);
            String duplicate = citizens.get(20).split(" ")[0] + " Segunda";
            Hash duplicateId = apply(duplicate, CitizenshipTx.Seeking.CITIZEN);
            List<String> careless = vouchWith(citizens, quota, duplicateId, 3);
            day(65);
            Hash revoked = challenge(citizens.get(6), duplicateId, CitizenshipTx.Grounds.DUPLICATE,
                    "Same person as #" + personOf(citizens.get(20)).number() + ", registered twice; vouched by "
                            + String.join(", ", careless) + ".");
            day(66);
            judge(revoked, CitizenshipTx.Verdict.REVOKE);

            // the recovery completes once its delay has passed with nobody objecting
            day(61 + node.read(s -> s.parameters().get(CitizenshipParams.RECOVERY_DELAY_DAYS)) + 0.5);
            submit(keys.get(citizens.get(41)), new CitizenshipTx.CompleteRecovery(lost.id()));
            keys.put(loser, replacement); // the old key acted for them (on a jury, say) until now

            // governance: delegations on the workshop (more than one delegate may carry), then votes of each method
            day(68.5);
            String delegate = citizens.get(7);
            for (int i = 0; i < 18; i++) {
                submit(keys.get(citizens.get(100 + i * 5)), new GovernanceTx.Delegate(DemoProposals.WORKSHOP,
                        personOf(delegate).id()));
            }
            for (int i = 0; i < 6; i++) {
                submit(keys.get(citizens.get(101 + i * 5)), new GovernanceTx.Delegate("*", personOf(citizens.get(9)).id()));
            }
            List<String> voters = new ArrayList<>(citizens);
            voters.removeAll(citizens.subList(100, 100 + 18 * 5)); // delegators mostly leave it to their delegate...
            voters.add(citizens.get(105)); // ...but one votes directly, which overrides the delegation
            // the canon: an essay, and a proposed article that ten endorsements put to a vote
            day(66.5);
            Hash essay = submit(keys.get(citizens.get(70)), DemoProposals.ESSAY);
            Hash article = submit(keys.get(citizens.get(50)), DemoProposals.CANON_ARTICLE);
            day(67);
            for (int i = 71; i < 76; i++) {
                submit(keys.get(citizens.get(i)), new CanonTx.Endorse(essay));
            }
            long endorsements = node.read(s -> s.parameters().get(CharterParams.CANON_ENDORSEMENTS));
            for (int i = 51; i < 50 + endorsements; i++) {
                submit(keys.get(citizens.get(i)), new CanonTx.Endorse(article));
            }

            List<Hash> finished = proposeAll(DemoProposals.finished(), 69, citizens);
            Hash entrench = proposeAll(List.of(DemoProposals.ENTRENCH), 69.05, citizens.subList(100, 200)).get(0);
            Hash canonProposal = submit(keys.get(citizens.get(50 + (int) endorsements)), new CanonTx.Endorse(article));
            List<String> delegates = List.of(delegate, citizens.get(9));
            List<Hash> ids = new ArrayList<>(finished);
            ids.add(entrench);
            ids.add(canonProposal);
            List<DemoProposals.Plan> plans = new ArrayList<>(DemoProposals.finished());
            plans.add(DemoProposals.ENTRENCH);
            plans.add(DemoProposals.canonVote());
            List<List<String>> turnouts = voteAll(ids, plans, 70.2, 76.5, voters, delegates);
            // three early voters vote again (the last ballot counts)
            for (String voter : turnouts.get(0).subList(0, 3)) {
                submit(keys.get(voter), new GovernanceTx.Vote(finished.get(0), new Ballot.YesNo(Ballot.YesNo.Choice.YES)));
            }
            day(80); // closed at day 77, the parameter change took effect after its 48-hour timelock

            // an exit
            String leaver = citizens.get(60);
            Hash leaverId = personOf(leaver).id();
            submit(keys.get(leaver), new CitizenshipTx.Renounce());
            voters.remove(leaver);

            // the economy: its money, a treasury, funding rounds, campaigns, a vesting grant and a dividend (days 80-93)
            DemoEconomy.history(this, citizens, voters, delegates);

            List<Hash> open = proposeAll(DemoProposals.open(), 95, citizens);
            voteAll(open, DemoProposals.open(), 96.2, HISTORY_DAYS - 0.2, voters, delegates);
            // discussion: comments and replies on an open vote; a visitor's essay in the canon, and a citizen's reply
            day(97);
            Hash opening = comment(keys.get(citizens.get(12)), DiscussionTx.On.PROPOSAL, open.get(0), null,
                    "Monthly is right: the last quarterly assembly ran for four hours because so much had piled up.");
            comment(keys.get(citizens.get(23)), DiscussionTx.On.PROPOSAL, open.get(0), opening,
                    "Monthly is a lot for those of us who work on Saturdays. Could every other meeting be online?");
            comment(keys.get(citizens.get(12)), DiscussionTx.On.PROPOSAL, open.get(0), opening,
                    "Yes: the text says nothing about where we meet, only how often. A video link would do.");
            comment(keys.get(citizens.get(34)), DiscussionTx.On.PROPOSAL, open.get(1), null,
                    "I voted, but I would like to see the figures published before the next round.");
            SigningKey visitor = SigningKey.generate();
            Hash visit = submit(visitor, new CanonTx.Publish(CanonTx.Kind.ESSAY, "A visitor's view of the commons",
                    "I do not live in Lisbon, but I read your charter. What strikes me is that your vouching asks "
                            + "for three neighbours: in a city where people move every two years, who is left to "
                            + "vouch?", Optional.empty()));
            comment(keys.get(citizens.get(45)), DiscussionTx.On.CANON, visit, null,
                    "A fair question: e-residents can vouch too once they become citizens, and that is how most of "
                            + "us joined.");
            DemoLand.opinions(this); // the workshop's neighbours speak, in the epoch of the present
            day(HISTORY_DAYS - 0.1);
            Hash draft = submit(keys.get(citizens.get(30)), GovernanceTx.Propose.signal("Plant fruit trees in the garden",
                    "Two fig trees and a lemon tree along the south wall, cared for by volunteers."));
            waitForAll();
            CommentTexts store = new CommentTexts(node.config().dataDir());
            commentTexts.forEach(store::put);
            saveKeys();
            long count = node.read(s -> s.registry().activeCitizens(s.time()));
            return new Seeded(transactions, count, dismissed, revoked, lost.id(), leaverId, finished, open, draft,
                    personOf(delegate).id(), essay, article, canonProposal, entrench);
        }

        /** Each plan proposed by a different citizen and co-sponsored by the next ones, on the given day. */
        List<Hash> proposeAll(List<DemoProposals.Plan> plans, double on, List<String> citizens) {
            day(on);
            List<Hash> ids = new ArrayList<>();
            int sponsors = node.read(s -> (int) s.parameters().get(GovernanceParams.SPONSORS_REQUIRED));
            for (int i = 0; i < plans.size(); i++) {
                ids.add(submit(keys.get(citizens.get(1 + i * 10)), plans.get(i).terms()));
            }
            day(on + 0.1);
            for (int i = 0; i < plans.size(); i++) {
                for (int j = 1; j <= sponsors; j++) {
                    submit(keys.get(citizens.get(1 + i * 10 + j)), new GovernanceTx.Sponsor(ids.get(i)));
                }
            }
            return ids;
        }

        /**
         * Ballots from each plan's share of the voters (the delegates always vote), spread between the two days. Each
         * plan draws from its own generator, seeded by its title, so that its result does not depend on the others.
         */
        List<List<String>> voteAll(List<Hash> ids, List<DemoProposals.Plan> plans, double from, double to,
                                           List<String> voters, List<String> delegates) {
            List<List<String>> turnouts = new ArrayList<>();
            List<Random> randoms = new ArrayList<>();
            for (DemoProposals.Plan plan : plans) {
                Random random = new Random(plan.terms().title().hashCode());
                randoms.add(random);
                List<String> shuffled = new ArrayList<>(voters);
                Collections.shuffle(shuffled, random);
                shuffled.removeAll(delegates);
                shuffled.addAll(shuffled.size() / 3, delegates);
                turnouts.add(shuffled.subList(0, (int) Math.round(plan.turnout() * voters.size())));
            }
            int steps = 12;
            List<List<SigningKey>> panels = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                day(from + (to - from) * step / steps);
                if (step == 0) {
                    for (int i = 0; i < plans.size(); i++) {
                        panels.add(panelTurnout(ids.get(i), plans.get(i)));
                    }
                }
                for (int i = 0; i < plans.size(); i++) {
                    List<String> turnout = turnouts.get(i);
                    for (int v = turnout.size() * step / steps; v < turnout.size() * (step + 1) / steps; v++) {
                        submit(keys.get(turnout.get(v)), new GovernanceTx.Vote(ids.get(i),
                                DemoProposals.ballot(plans.get(i), randoms.get(i))));
                    }
                    List<SigningKey> panel = panels.get(i);
                    Random random = new Random(plans.get(i).terms().title().hashCode() + 1);
                    for (int v = panel.size() * step / steps; v < panel.size() * (step + 1) / steps; v++) {
                        submit(panel.get(v), new GovernanceTx.PanelVote(ids.get(i),
                                DemoProposals.ballot(plans.get(i), random)));
                    }
                }
            }
            return turnouts;
        }

        /**
         * The host residents of a proposal's outside panel who will vote, once the panel is drawn: two thirds of it
         * (the others count as abstaining); none for a proposal without a panel.
         */
        private List<SigningKey> panelTurnout(Hash proposal, DemoProposals.Plan plan) {
            waitForAll();
            settle();
            Hash draw = node.read(s -> s.governance().byId(proposal).orElseThrow().panelDraw());
            if (draw.equals(Hash.ZERO)) {
                return List.of();
            }
            awaitDrawn(draw);
            List<SigningKey> panel = new ArrayList<>();
            for (int member : node.read(s -> s.governance().byId(proposal).orElseThrow().panel())) {
                panel.add(keyOfNumber(member));
            }
            Collections.shuffle(panel, new Random(plan.terms().title().hashCode() - 1));
            return panel.subList(0, panel.size() * 2 / 3);
        }

        private Hash apply(String name, CitizenshipTx.Seeking seeking) {
            SigningKey key = newKey(name);
            // consent names the charter in force (the founder amended it since the genesis; day() waited for that)
            Hash charter = node.read(SocietyView::charterHash);
            return submit(key, new CitizenshipTx.Apply(name, seeking, charter, Optional.empty()));
        }

        private SigningKey newKey(String name) {
            SigningKey key = SigningKey.generate();
            keys.put(name, key);
            return key;
        }

        private List<String> vouchWith(List<String> citizens, Map<String, Integer> quota, Hash applicant, int n) {
            List<String> chosen = new ArrayList<>();
            for (int i = citizens.size() - 1; i >= 0 && chosen.size() < n; i--) {
                String c = citizens.get(i);
                if (quota.get(c) > 0) {
                    submit(keys.get(c), new CitizenshipTx.Vouch(applicant));
                    quota.merge(c, -1, Integer::sum);
                    chosen.add(c);
                }
            }
            return chosen;
        }

        private Hash challenge(String challenger, Hash target, CitizenshipTx.Grounds grounds, String reason) {
            Hash id = submit(keys.get(challenger), new CitizenshipTx.Challenge(target, grounds, reason, Optional.empty()));
            waitForAll();
            return id;
        }

        /**
         * The stewards take part in a draw: each commits to a secret at once and reveals it once the time to commit
         * is over; then the clock passes the time to reveal, the node proves the draw, and this waits until it is made.
         */
        private void drawWithStewards(Hash drawId) {
            Draw d = node.read(s -> s.sortition().byId(drawId).orElseThrow());
            Map<Integer, byte[]> secrets = new TreeMap<>();
            for (int steward : d.stewards()) {
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                secrets.put(steward, secret);
                submit(keyOfNumber(steward), new SortitionTx.Commit(drawId, Selection.commitment(drawId, secret)));
            }
            waitForAll();
            if (clock != null) {
                clock.stepTo(Math.max(clock.millis(), d.commitUntil()));
            }
            secrets.forEach((steward, secret) -> submit(keyOfNumber(steward), new SortitionTx.Reveal(drawId, secret)));
            awaitDrawn(drawId);
        }

        /** Waits until the node has made happen what is due by the clock's time (a vote opening, say). */
        void settle() {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (clock != null && node.read(SocietyView::nextDue) <= clock.millis()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the node did not seal what was due");
                }
                Thread.onSpinWait();
            }
        }

        /** Waits until the node has proved a draw (stepping the clock past its reveal time). */
        private void awaitDrawn(Hash drawId) {
            waitForAll();
            Draw d = node.read(s -> s.sortition().byId(drawId).orElseThrow());
            if (clock != null) {
                clock.stepTo(Math.max(clock.millis(), d.revealUntil()));
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!node.read(s -> s.sortition().byId(drawId).orElseThrow().drawn())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the node did not prove draw " + drawId);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        /** The jury's majority votes the verdict; one juror votes the other way and one does not vote. */
        private void judge(Hash challenge, CitizenshipTx.Verdict verdict) {
            awaitDrawn(Sortition.idFor(Draw.Purpose.JURY, challenge));
            ChallengeCase c = node.read(s -> s.registry().challenge(challenge).orElseThrow());
            int[] jury = c.jury();
            CitizenshipTx.Verdict other = verdict == CitizenshipTx.Verdict.REVOKE ? CitizenshipTx.Verdict.DISMISS
                    : CitizenshipTx.Verdict.REVOKE;
            submit(keyOfNumber(jury[0]), new CitizenshipTx.JuryVote(challenge, other));
            for (int i = 1; i <= jury.length / 2 + 1; i++) {
                submit(keyOfNumber(jury[i]), new CitizenshipTx.JuryVote(challenge, verdict));
            }
            waitForAll();
        }

        Person personOf(String name) {
            SigningKey key = keys.get(name);
            return node.read(s -> s.registry().byCurrentKey(key.verifyingKey()).orElseThrow());
        }

        private SigningKey keyOfNumber(int number) {
            String name = node.read(s -> s.registry().byNumber(number).orElseThrow().name());
            return number == 0 ? founder : keys.get(name);
        }

        /** A comment: its record goes on the ledger, its text beside it once the comment is committed. */
        private Hash comment(SigningKey key, DiscussionTx.On on, Hash place, Hash reply, String text) {
            Hash digest = Hash.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            commentTexts.put(digest, text);
            return submit(key, new DiscussionTx.Comment(on, place, Optional.ofNullable(reply), digest,
                    text.codePointCount(0, text.length())));
        }

        Hash submit(SigningKey key, TxBody body) {
            long now = clock == null ? System.currentTimeMillis() : clock.millis();
            byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, "demo" + nonce++, now + 600_000));
            var tx = node.decoder().decode(envelope);
            pending.add(node.submit(tx));
            transactions++;
            return tx.id();
        }

        void waitForAll() {
            for (CompletableFuture<Committed> f : pending) {
                f.join();
            }
            pending.clear();
        }

        private void saveKeys() {
            ArrayNode people = StrictJson.mapper().createArrayNode();
            keys.forEach((name, key) -> people.addObject().put("name", name).put("did", key.did())
                    .put("seed", key.seedBase64Url()));
            Path file = data.resolve("keys/people.json");
            try {
                Files.writeString(file, people.toPrettyString() + "\n");
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> names(int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; out.size() < n; i++) {
                String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
                if (i >= FIRST.length * LAST.length) {
                    name += " " + (i / (FIRST.length * LAST.length) + 1);
                }
                if (!out.contains(name) && !name.equals(FOUNDER_NAME)) {
                    out.add(name);
                }
            }
            return out;
        }
    }
}

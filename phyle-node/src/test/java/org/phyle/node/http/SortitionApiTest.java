package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.vrf.EcVrf;
import org.phyle.node.TestNodes;
import org.phyle.node.cli.Main;
import org.phyle.node.demo.DemoSociety;

/**
 * Draws by lot and outside panels through the real API of the demo society, whose juries and panels were drawn by
 * lot (the first jury with the stewards' secrets): every draw recomputes from what the API shows; "was I selected?";
 * a panel's combined tally; a steward's draw from request to proof; the auditor's {@code phyle sortition verify}; and
 * every refusal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SortitionApiTest {
    private static final HexFormat HEX = HexFormat.of();
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static Map<String, SigningKey> keys;
    static int nonce;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        keys = DemoSociety.keys(running.dir);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static SigningKey keyOf(int number) {
        return keys.get(running.node.read(s -> s.registry().byNumber(number).orElseThrow().name()));
    }

    static byte[] envelope(SigningKey key, TxBody body) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, "sortition" + nonce++,
                running.clock().millis() + 600_000));
    }

    static JsonNode ok(SigningKey key, TxBody body) {
        Http.Response r = Http.post(api + "/txs", envelope(key, body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static JsonNode refused(SigningKey key, TxBody body, int status, String code) {
        return Problems.assertProblem(running, "/txs", envelope(key, body), status, code);
    }

    static JsonNode get(String path) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.json();
    }

    static List<JsonNode> draws(String query) {
        List<JsonNode> out = new ArrayList<>();
        get("/draws?limit=200" + query).get("draws").forEach(out::add);
        return out;
    }

    /** Recomputes a made draw from what the API shows: proof, secrets, randomness, scores in order. */
    static void assertRecomputes(JsonNode d) {
        byte[] alpha = Selection.alpha(Hash.fromHex(d.get("id").asText()), Hash.fromHex(d.get("poolRoot").asText()));
        assertThat(HEX.formatHex(alpha)).isEqualTo(d.get("alpha").asText());
        byte[] beta = EcVrf.verify(running.node.read(SocietyView::sequencer).bytes(), HEX.parseHex(d.get("proof").asText()),
                alpha).orElseThrow();
        assertThat(HEX.formatHex(beta)).isEqualTo(d.get("beta").asText());
        List<byte[]> secrets = new ArrayList<>();
        for (JsonNode c : d.get("commitments")) {
            if (!c.get("secret").isNull()) {
                byte[] secret = Base64.getUrlDecoder().decode(c.get("secret").asText());
                assertThat(Selection.commitment(Hash.fromHex(d.get("id").asText()), secret).hex())
                        .isEqualTo(c.get("commitment").asText());
                secrets.add(secret);
            }
        }
        Hash randomness = Selection.randomness(beta, secrets);
        assertThat(randomness.hex()).isEqualTo(d.get("randomness").asText());
        String region = null;
        Hash previous = null;
        for (JsonNode m : d.get("members")) {
            Hash score = Selection.score(randomness, Hash.fromHex(m.get("id").asText()));
            assertThat(score.hex()).isEqualTo(m.get("score").asText());
            boolean sameStratum = d.get("quotas").isNull() || m.get("region").asText().equals(region);
            if (previous != null && sameStratum) {
                assertThat(score.compareTo(previous)).isPositive();
            }
            previous = score;
            region = m.get("region").asText();
        }
        assertThat(d.get("members").size()).isEqualTo(d.get("size").asInt());
    }

    record Run(int exit, String out) {
    }

    static synchronized Run phyle(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    // ---- the demo's draws -----------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyDrawOfTheDemoRecomputesFromWhatTheApiShows() {
        List<JsonNode> all = draws("");
        assertThat(all).extracting(d -> d.get("purpose").asText()).contains("jury", "panel");
        for (JsonNode summary : all) {
            assertThat(summary.get("phase").asText()).isEqualTo("drawn");
            JsonNode d = get("/draws/" + summary.get("number").asInt());
            assertThat(d.get("id")).isEqualTo(summary.get("id"));
            assertRecomputes(d);
            assertThat(get("/draws/" + d.get("id").asText()).get("number")).isEqualTo(d.get("number"));
        }
        // the first jury was drawn with both stewards' secrets in it
        JsonNode firstJury = get("/draws/" + draws("&purpose=jury").getLast().get("number").asInt());
        assertThat(firstJury.get("stewards")).hasSize(2);
        assertThat(firstJury.get("commitments")).hasSize(2).allMatch(c -> !c.get("secret").isNull());
        assertThat(firstJury.get("pool").asText()).isEqualTo("citizens");
        // a panel: 101 host residents in proportion to their five neighbourhoods
        JsonNode panel = get("/draws/" + draws("&purpose=panel").getFirst().get("number").asInt());
        assertThat(panel.get("pool").asText()).isEqualTo("host-residents");
        assertThat(panel.get("size").asInt()).isEqualTo(101);
        int seats = 0;
        for (JsonNode q : panel.get("quotas")) {
            seats += q.asInt();
        }
        assertThat(seats).isEqualTo(101);
        assertThat(panel.get("quotas")).hasSize(5);
    }

    @Test
    @Order(2)
    void wasISelected() {
        JsonNode jury = get("/draws/" + draws("&purpose=jury").getFirst().get("number").asInt());
        int juror = jury.get("members").get(0).get("number").asInt();
        assertThat(draws("&selected=" + juror)).extracting(d -> d.get("id")).contains(jury.get("id"));
        // a host resident who was on no panel: none
        int founder = 0;
        assertThat(draws("&selected=" + founder)).allMatch(d -> !d.get("purpose").asText().equals("panel"));
        Run list = phyle("sortition", "list", "--selected", String.valueOf(juror), "--node", running.url());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(jury.get("id").asText());
    }

    @Test
    @Order(3)
    void aDecidedProposalShowsTheCitizensShareThePanelsShareAndTheCombination() {
        Hash quorum = running.seeded.finishedProposals().get(0);
        JsonNode p = get("/proposals/" + quorum.hex());
        JsonNode panel = p.get("panel");
        assertThat(panel.get("shareBp").asInt()).isEqualTo(2000);
        assertThat(panel.get("members")).hasSize(101);
        assertThat(panel.get("ballots").asInt()).isEqualTo(67); // two thirds of the panel voted
        assertThat(panel.get("phase").asText()).isEqualTo("drawn");
        JsonNode tally = p.get("tally");
        JsonNode outside = tally.get("outside");
        long participants = tally.get("participants").asLong();
        assertThat(outside.get("citizenWeight").asLong()).isEqualTo(8000L * 101);
        assertThat(outside.get("panelWeight").asLong()).isEqualTo(2000L * participants);
        JsonNode c = outside.get("citizenScores");
        JsonNode x = outside.get("panelScores");
        // the 34 panellists who did not vote count as abstaining in the panel's share
        assertThat(x.get(0).asLong() + x.get(1).asLong() + x.get(2).asLong()).isEqualTo(101);
        assertThat(x.get(2).asLong()).isGreaterThanOrEqualTo(34);
        assertThat(tally.get("yes").asLong()).isEqualTo(c.get(0).asLong() * 8000 * 101 + x.get(0).asLong() * 2000 * participants);
        assertThat(tally.get("no").asLong()).isEqualTo(c.get(1).asLong() * 8000 * 101 + x.get(1).asLong() * 2000 * participants);
        assertThat(get("/proposals/" + quorum.hex() + "/ballots?panel=true").get("count").asInt()).isEqualTo(67);
        // a signal has no panel
        Hash signal = running.seeded.finishedProposals().get(1);
        assertThat(get("/proposals/" + signal.hex()).get("panel").isNull()).isTrue();
        // and the auditor's recount agrees, panel included
        Run recount = phyle("tally", quorum.hex(), "--node", running.url());
        assertThat(recount.exit()).as(recount.out()).isZero();
        assertThat(recount.out()).contains("AGREES");
    }

    @Test
    @Order(4)
    void panellistsVoteInThePanelAndNobodyElseDoes() {
        Hash open = running.seeded.openProposals().get(0); // a text amendment, voting, with a panel
        Proposal p = running.node.read(s -> s.governance().byId(open).orElseThrow());
        int[] panel = p.panel();
        assertThat(panel).hasSize(101);
        Ballot yes = new Ballot.YesNo(Ballot.YesNo.Choice.YES);
        int notVoted = -1;
        for (int member : panel) {
            if (!p.panelBallots().containsKey(member)) {
                notVoted = member;
                break;
            }
        }
        int before = get("/proposals/" + open.hex()).get("panel").get("ballots").asInt();
        ok(keyOf(notVoted), new GovernanceTx.PanelVote(open, yes));
        assertThat(get("/proposals/" + open.hex()).get("panel").get("ballots").asInt()).isEqualTo(before + 1);
        // a citizen is not on the panel; a host resident not drawn is not either
        refused(keyOf(1), new GovernanceTx.PanelVote(open, yes), 422, "NOT_ON_PANEL");
        int outsider = running.node.read(s -> {
            for (var person : s.registry().all()) {
                if (person.status() == org.phyle.core.citizenship.Status.HOST_RESIDENT
                        && java.util.Arrays.stream(panel).noneMatch(n -> n == person.number())) {
                    return person.number();
                }
            }
            throw new AssertionError("every host resident is on the panel");
        });
        refused(keyOf(outsider), new GovernanceTx.PanelVote(open, yes), 422, "NOT_ON_PANEL");
        // a signal has no panel; a panellist's ballot must fit the method
        Hash signal = running.seeded.openProposals().get(1);
        refused(keyOf(notVoted), new GovernanceTx.PanelVote(signal, new Ballot.Quadratic(new int[] {1, 0, 0, 0})),
                422, "NO_PANEL");
    }

    // ---- a steward's draw, from request to proof, and the auditor's check ----------------------------------------

    @Test
    @Order(5)
    void aStewardsDrawFromRequestToProofAndTheAuditorRecomputesIt() {
        int[] stewards = running.node.read(s -> s.offices().stewards().stream().mapToInt(Integer::intValue).toArray());
        assertThat(stewards).hasSizeGreaterThanOrEqualTo(2);
        SigningKey first = keyOf(stewards[0]);
        SigningKey second = keyOf(stewards[1]);
        // refusals: not a steward, a pool too small
        refused(keyOf(40), new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 5, false, "a tasting panel"), 422,
                "NOT_A_STEWARD");
        refused(first, new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 10_000, false, "everyone"), 422,
                "POOL_TOO_SMALL");
        Hash id = Hash.fromHex(ok(first, new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 7, true,
                "A citizens' panel on the festival")).get("txId").asText());
        JsonNode requested = get("/draws/" + id.hex());
        assertThat(requested.get("phase").asText()).isEqualTo("committing");
        assertThat(requested.get("purpose").asText()).isEqualTo("request");

        byte[] secret1 = new byte[32];
        byte[] secret2 = new byte[32];
        secret1[0] = 1;
        secret2[0] = 2;
        ok(first, new SortitionTx.Commit(id, Selection.commitment(id, secret1)));
        ok(second, new SortitionTx.Commit(id, Selection.commitment(id, secret2)));
        refused(first, new SortitionTx.Commit(id, Selection.commitment(id, secret2)), 409, "ALREADY_COMMITTED");
        refused(first, new SortitionTx.Reveal(id, secret1), 422, "REVEAL_NOT_OPEN");
        running.clock().step(Duration.ofMinutes(61));
        refused(keyOf(stewards[0]), new SortitionTx.Commit(id, Selection.commitment(id, secret1)), 422,
                "COMMIT_CLOSED");
        refused(first, new SortitionTx.Reveal(id, secret2), 422, "REVEAL_MISMATCH");
        ok(first, new SortitionTx.Reveal(id, secret1));
        // the second steward never reveals: the draw goes on without their secret
        running.clock().step(Duration.ofMinutes(61));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!get("/draws/" + id.hex()).get("phase").asText().equals("drawn")
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        JsonNode made = get("/draws/" + id.hex());
        assertThat(made.get("phase").asText()).isEqualTo("drawn");
        assertRecomputes(made);
        assertThat(made.get("commitments").get(1).get("secret").isNull()).isTrue();
        refused(second, new SortitionTx.Reveal(id, secret2), 422, "REVEAL_NOT_OPEN");

        Run verify = phyle("sortition", "verify", made.get("number").asText(), "--node", running.url());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("AGREES").contains("steward #" + stewards[1] + " committed and did not reveal")
                .doesNotContain("FAIL");
        JsonNode jury = draws("&purpose=jury").getLast();
        Run juryCheck = phyle("sortition", "verify", jury.get("id").asText(), "--node", running.url());
        assertThat(juryCheck.exit()).as(juryCheck.out()).isZero();
        assertThat(juryCheck.out()).contains("AGREES");
    }

    @Test
    @Order(6)
    void badReferencesAreClear() {
        for (String[] bad : new String[][] {{"/draws/99999", "404", "NOT_FOUND"}, {"/draws/not-a-draw", "400",
                "BAD_REQUEST"}, {"/draws?purpose=lottery", "400", "BAD_REQUEST"},
                {"/draws?selected=123456789", "404", "NOT_FOUND"}}) {
            Http.Response r = Http.get(api + bad[0]);
            assertThat(r.status()).as(bad[0] + ": " + r.text()).isEqualTo(Integer.parseInt(bad[1]));
            assertThat(r.json().get("code").asText()).isEqualTo(bad[2]);
        }
        Run unknown = phyle("sortition", "verify", "99999", "--node", running.url());
        assertThat(unknown.exit()).isNotZero();
    }
}

package org.phyle.node.http;

import org.phyle.core.charter.Amendments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * Governance through the real API of the demo society: its decided and open proposals, a whole proposal's life with
 * the node's clock stepped past deliberation, voting and timelock, and every refusal the issue names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceApiTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static DemoSociety.Seeded seeded;
    static List<SigningKey> citizens; // citizens in good standing, founder excluded, in number order
    static SigningKey eResident;
    static int nonce;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        seeded = running.seeded;
        citizens = new ArrayList<>();
        for (SigningKey k : DemoSociety.keys(running.dir).values()) {
            Optional<Person> p = running.node.read(s -> s.registry().byCurrentKey(k.verifyingKey()));
            if (p.isPresent() && p.get().number() > 0 && running.node.read(s -> p.get().activeCitizen(s.time()))) {
                citizens.add(k);
            } else if (p.isPresent() && p.get().status() == Status.E_RESIDENT && eResident == null) {
                eResident = k;
            }
        }
        citizens.sort(java.util.Comparator.comparingInt(GovernanceApiTest::number));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static int number(SigningKey k) {
        return running.node.read(s -> s.registry().byCurrentKey(k.verifyingKey()).orElseThrow().number());
    }

    static byte[] envelope(SigningKey key, TxBody body) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, "gov" + nonce++, running.clock().millis() + 600_000));
    }

    static JsonNode ok(SigningKey key, TxBody body) {
        Http.Response r = Http.post(api + "/txs", envelope(key, body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static Hash okId(SigningKey key, TxBody body) {
        return Hash.fromHex(ok(key, body).get("txId").asText());
    }

    static JsonNode refused(SigningKey key, TxBody body, int status, String code) {
        return Problems.assertProblem(running, "/txs", envelope(key, body), status, code);
    }

    /** Submits many votes in one batch and expects every one committed. */
    static void votes(Hash proposal, List<SigningKey> voters, Ballot ballot) {
        ArrayNode batch = StrictJson.mapper().createArrayNode();
        for (SigningKey k : voters) {
            batch.add(StrictJson.parse(envelope(k, new GovernanceTx.Vote(proposal, ballot))));
        }
        Http.Response r = Http.post(api + "/txs/batch", Jcs.canonicalize(batch));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("committed").asInt()).as(r.text()).isEqualTo(voters.size());
    }

    static JsonNode get(String path) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.json();
    }

    static void getProblem(String path, int status, String code) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
    }

    static JsonNode proposal(Hash id) {
        return get("/proposals/" + id.hex());
    }

    /** Steps the node's clock and waits until the node has made what fell due happen. */
    static void step(Duration d) {
        running.clock().step(d);
        long target = running.clock().millis();
        long deadline = System.currentTimeMillis() + 10_000;
        while (running.node.read(SocietyView::nextDue) <= target && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat((long) running.node.read(SocietyView::nextDue)).isGreaterThan(target);
    }

    static GovernanceTx.Propose yesNo(String title, int votingHours) {
        return new GovernanceTx.Propose(title, "Tested through the API.", "tests", "signal", null, Method.YES_NO,
                List.of(), 1, 0, false, Threshold.named("majority"), Optional.of(votingHours));
    }

    // ---- the demo's proposals -----------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theDemoHasADecidedAndAnOpenProposalOfEachMethod() {
        JsonNode all = get("/proposals");
        // eleven, the economy's four and the land's three (DemoEconomy, DemoLand)
        assertThat(all.get("count").asInt()).isEqualTo(18);
        assertThat(all.get("proposals").get(0).get("number").asInt()).as("newest first").isEqualTo(17);
        for (String state : List.of("voting", "closed")) {
            List<String> methods = new ArrayList<>();
            get("/proposals?state=" + state).get("proposals").forEach(p -> methods.add(p.get("method").asText()));
            assertThat(methods).as(state).contains("yes-no", "quadratic", "approval", "ranked");
        }
        assertThat(get("/proposals?state=voting").get("proposals")).hasSize(4);
        assertThat(get("/proposals?state=draft").get("proposals")).hasSize(1);

        JsonNode quorum = proposal(seeded.finishedProposals().get(0));
        assertThat(quorum.get("state").asText()).isEqualTo("executed");
        assertThat(quorum.get("kind").asText()).isEqualTo("parameter");
        assertThat(quorum.get("execution").asText()).isEqualTo("carried out");
        assertThat(quorum.at("/tally/yes").asLong()).isGreaterThan(quorum.at("/tally/no").asLong());
        assertThat(quorum.get("tallyFinal").asBoolean()).isTrue();
        JsonNode parameters = get("/society").get("parameters");
        boolean found = false;
        for (JsonNode p : parameters) {
            if (p.get("name").asText().equals("governance.quorumBp")) {
                assertThat(p.get("value").asLong()).as("the passed change took effect").isEqualTo(2500);
                found = true;
            }
        }
        assertThat(found).isTrue();

        JsonNode runoff = get("/proposals/" + seeded.finishedProposals().get(3).hex() + "/tally");
        assertThat(runoff.get("final").asBoolean()).isTrue();
        assertThat(runoff.at("/tally/rounds").size()).as("an instant runoff of several rounds").isGreaterThan(1);
        assertThat(runoff.at("/tally/delegated").asLong()).isPositive();
        assertThat(runoff.at("/tally/fellBack").asLong()).as("18 delegations, a cap of 5% of ~300").isPositive();

        // the worked examples in docs/governance.md: the demo's history is deterministic
        JsonNode rounds = runoff.at("/tally/rounds");
        assertThat(rounds.size()).isEqualTo(4);
        assertThat(rounds.get(0).get("counts").toString()).isEqualTo("[43,33,12,26,28]");
        assertThat(rounds.get(2).get("exhausted").asInt()).isEqualTo(2);
        assertThat(rounds.get(3).get("counts").toString()).isEqualTo("[69,66,0,0,0]");
        assertThat(rounds.get(3).get("exhausted").asInt()).isEqualTo(7);
        assertThat(runoff.at("/tally/winners/0").asInt()).isZero();
        JsonNode days = get("/proposals/" + seeded.finishedProposals().get(2).hex() + "/tally").get("tally");
        assertThat(days.get("winners").toString()).isEqualTo("[5,3,1]");
        assertThat(days.get("participants").asInt()).isEqualTo(136);

        JsonNode open = proposal(seeded.openProposals().get(1));
        assertThat(open.get("state").asText()).isEqualTo("voting");
        assertThat(open.get("tallyFinal").asBoolean()).isFalse();
        assertThat(open.at("/rules/voiceCredits").asInt()).isEqualTo(100);
        assertThat(open.at("/rules/allowNegative").asBoolean()).isTrue();

        JsonNode delegations = get("/delegations/" + seeded.delegate().hex());
        assertThat(delegations.at("/delegators/workshop").asInt()).isEqualTo(18);
        assertThat(delegations.at("/credits/perEpoch").asInt()).isEqualTo(100);
    }

    @Test
    @Order(2)
    void ballotsArePagedAndAddUpToTheCount() {
        Hash id = seeded.finishedProposals().get(0);
        int count = proposal(id).get("ballots").asInt();
        int seen = 0;
        String after = "";
        while (true) {
            JsonNode page = get("/proposals/" + id.hex() + "/ballots?limit=40" + after);
            seen += page.get("ballots").size();
            if (page.get("next").isNull()) {
                break;
            }
            after = "&after=" + page.get("next").asInt();
        }
        assertThat(seen).isEqualTo(count);
    }

    @Test
    @Order(3)
    void badReadsAreRefusedClearly() {
        getProblem("/proposals?state=sideways", 400, "BAD_REQUEST");
        getProblem("/proposals/not-a-hash", 400, "BAD_REQUEST");
        getProblem("/proposals/" + Hash.sha256(new byte[] {1}).hex(), 404, "NOT_FOUND");
        getProblem("/proposals/" + seeded.draftProposal().hex() + "/tally", 404, "NOT_FOUND");
        getProblem("/proposals?limit=0", 400, "BAD_REQUEST");
        getProblem("/delegations/999999", 404, "NOT_FOUND");
    }

    // ---- a proposal's whole life --------------------------------------------------------------------------------

    @Test
    @Order(7)
    void aParameterChangeFromDraftToEffectOverHttp() {
        SigningKey author = citizens.get(200);
        GovernanceTx.Propose terms = new GovernanceTx.Propose("Five days of deliberation", "More time to read.",
                "governance", "parameter", new Amendments.ParameterChange(Map.of("governance.deliberationHours", "120")),
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.of(24));
        Hash id = okId(author, terms);
        assertThat(proposal(id).get("state").asText()).isEqualTo("draft");
        assertThat(proposal(id).get("sponsorsRequired").asInt()).isEqualTo(2);

        refused(author, new GovernanceTx.Sponsor(id), 422, "OWN_PROPOSAL");
        ok(citizens.get(201), new GovernanceTx.Sponsor(id));
        refused(citizens.get(201), new GovernanceTx.Sponsor(id), 409, "ALREADY_SPONSORED");
        refused(eResident, new GovernanceTx.Sponsor(id), 422, "NOT_A_CITIZEN");
        refused(citizens.get(201), new GovernanceTx.Cancel(id), 422, "NOT_AUTHOR");
        refused(citizens.get(202), new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)), 422,
                "VOTING_NOT_OPEN");
        ok(citizens.get(202), new GovernanceTx.Sponsor(id));
        assertThat(proposal(id).get("state").asText()).isEqualTo("sponsored");
        refused(citizens.get(203), new GovernanceTx.Sponsor(id), 422, "NOT_SPONSORABLE");

        step(Duration.ofHours(24).plusMinutes(1)); // the deliberation
        JsonNode voting = proposal(id);
        assertThat(voting.get("state").asText()).isEqualTo("voting");
        int electorate = voting.get("electorate").asInt();
        refused(author, new GovernanceTx.Cancel(id), 422, "CANNOT_CANCEL");
        refused(eResident, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)), 422,
                "NOT_IN_ELECTORATE");
        refused(citizens.get(0), new GovernanceTx.Vote(id, new Ballot.Ranked(new int[] {0})), 400, "BAD_BALLOT");

        // a quarter of the electorate must vote (the demo raised the quorum): 60 yes, 20 no, 5 abstain, from
        // citizens nobody delegates to (so that every vote here is one person's)
        List<SigningKey> voters = citizens.stream().filter(k -> running.node.read(s -> s.governance()
                .delegatorsOf(number(k)).isEmpty())).toList();
        votes(id, voters.subList(0, 60), new Ballot.YesNo(Ballot.YesNo.Choice.YES));
        votes(id, voters.subList(60, 80), new Ballot.YesNo(Ballot.YesNo.Choice.NO));
        votes(id, voters.subList(80, 85), new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN));
        votes(id, voters.subList(0, 10), new Ballot.YesNo(Ballot.YesNo.Choice.NO)); // ten change their minds
        JsonNode provisional = get("/proposals/" + id.hex() + "/tally");
        assertThat(provisional.get("final").asBoolean()).isFalse();
        assertThat(provisional.at("/tally/yes").asInt()).isEqualTo(50);
        assertThat(provisional.at("/tally/no").asInt()).isEqualTo(30);
        assertThat(provisional.at("/tally/ballots").asInt()).isEqualTo(85);
        assertThat(provisional.at("/tally/delegated").asInt()).isZero();

        step(Duration.ofHours(24)); // voting closes
        JsonNode closed = get("/proposals/" + id.hex() + "/tally");
        assertThat(closed.get("state").asText()).isEqualTo("passed");
        assertThat(closed.get("final").asBoolean()).isTrue();
        assertThat(closed.at("/tally/electorate").asInt()).isEqualTo(electorate);
        assertThat(closed.at("/tally/quorumMet").asBoolean()).isTrue();
        refused(voters.get(90), new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.NO)), 422,
                "VOTING_CLOSED");
        refused(author, new GovernanceTx.Execute(id), 422, "TIMELOCK");
        assertThat(deliberationHours()).as("not before the timelock").isEqualTo(24);

        step(Duration.ofHours(48)); // the timelock: it takes effect by itself
        assertThat(proposal(id).get("state").asText()).isEqualTo("executed");
        assertThat(deliberationHours()).isEqualTo(120);
        refused(author, new GovernanceTx.Execute(id), 422, "NOTHING_TO_EXECUTE");
        assertThat(proposal(id).at("/rules/votingHours").asInt()).as("its own rules were frozen").isEqualTo(24);
    }

    static long deliberationHours() {
        for (JsonNode p : get("/society").get("parameters")) {
            if (p.get("name").asText().equals("governance.deliberationHours")) {
                return p.get("value").asLong();
            }
        }
        throw new AssertionError("no governance.deliberationHours");
    }

    @Test
    @Order(6)
    void aDraftIsCancelledByItsAuthorAndThenCannotBeSponsored() {
        Hash id = okId(citizens.get(210), yesNo("Withdrawn idea", 24));
        ok(citizens.get(210), new GovernanceTx.Cancel(id));
        assertThat(proposal(id).get("state").asText()).isEqualTo("cancelled");
        refused(citizens.get(211), new GovernanceTx.Sponsor(id), 422, "NOT_SPONSORABLE");
        refused(citizens.get(211), new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)), 422,
                "VOTING_CLOSED");
    }

    // ---- ballots the counting methods refuse --------------------------------------------------------------------

    @Test
    @Order(4)
    void ballotsOfEveryMethodAreCheckedAndNothingChanges() {
        Hash quadratic = seeded.openProposals().get(1);
        Hash approval = seeded.openProposals().get(2);
        Hash ranked = seeded.openProposals().get(3);
        SigningKey voter = citizens.get(150);
        int before = proposal(quadratic).get("ballots").asInt();

        refused(voter, new GovernanceTx.Vote(quadratic, new Ballot.Quadratic(new int[] {8, 7, 0, 0})), 422,
                "OVER_BUDGET");
        refused(voter, new GovernanceTx.Vote(quadratic, new Ballot.Quadratic(new int[] {1, 1})), 400, "BAD_BALLOT");
        refused(voter, new GovernanceTx.Vote(approval, new Ballot.Approval(new int[] {0, 1, 2, 3})), 422,
                "TOO_MANY_APPROVALS");
        refused(voter, new GovernanceTx.Vote(approval, new Ballot.Approval(new int[] {7})), 422, "UNKNOWN_OPTION");
        refused(voter, new GovernanceTx.Vote(ranked, new Ballot.Ranked(new int[] {2, 0, 2})), 422, "DUPLICATE_OPTION");
        refused(voter, new GovernanceTx.Vote(ranked, new Ballot.Ranked(new int[] {1, 5})), 422, "UNKNOWN_OPTION");
        refused(voter, new GovernanceTx.Vote(seeded.finishedProposals().get(1),
                new Ballot.Quadratic(new int[] {1, 0, 0, 0, 0})), 422, "VOTING_CLOSED");
        refused(SigningKey.generate(), new GovernanceTx.Vote(ranked, new Ballot.Ranked(new int[] {1})), 422,
                "NOT_IN_ELECTORATE");
        assertThat(proposal(quadratic).get("ballots").asInt()).isEqualTo(before);

        // a quadratic ballot within budget, then a re-vote that is refunded before it is charged
        ok(voter, new GovernanceTx.Vote(quadratic, new Ballot.Quadratic(new int[] {6, 0, 8, 0})));
        JsonNode credits = get("/delegations/" + voter.did()).get("credits");
        assertThat(credits.get("spent").asInt()).isEqualTo(100);
        refused(voter, new GovernanceTx.Vote(quadratic, new Ballot.Quadratic(new int[] {6, 0, 8, 1})), 422,
                "OVER_BUDGET");
        ok(voter, new GovernanceTx.Vote(quadratic, new Ballot.Quadratic(new int[] {0, 0, 9, -4})));
        assertThat(get("/delegations/" + voter.did()).at("/credits/spent").asInt()).isEqualTo(97);
        assertThat(proposal(quadratic).get("ballots").asInt()).isEqualTo(before + 1);
    }

    @Test
    @Order(5)
    void delegationsRefuseCyclesAndSelves() {
        SigningKey a = citizens.get(220);
        SigningKey b = citizens.get(221);
        SigningKey c = citizens.get(222);
        Hash aId = running.node.read(s -> s.registry().byCurrentKey(a.verifyingKey()).orElseThrow().id());
        Hash bId = running.node.read(s -> s.registry().byCurrentKey(b.verifyingKey()).orElseThrow().id());
        Hash cId = running.node.read(s -> s.registry().byCurrentKey(c.verifyingKey()).orElseThrow().id());
        ok(a, new GovernanceTx.Delegate("parks", bId));
        ok(b, new GovernanceTx.Delegate("parks", cId));
        refused(c, new GovernanceTx.Delegate("parks", aId), 422, "DELEGATION_CYCLE");
        refused(c, new GovernanceTx.Delegate("*", aId), 422, "DELEGATION_CYCLE");
        refused(a, new GovernanceTx.Delegate("parks", aId), 422, "SELF_DELEGATION");
        refused(a, new GovernanceTx.Undelegate("schools"), 422, "NO_DELEGATION");
        refused(eResident, new GovernanceTx.Delegate("parks", aId), 422, "NOT_A_CITIZEN");
        assertThat(get("/delegations/" + a.did()).at("/delegations/0/to/id").asText()).isEqualTo(bId.hex());
        ok(a, new GovernanceTx.Undelegate("parks"));
        assertThat(get("/delegations/" + a.did()).get("delegations")).isEmpty();
        ok(c, new GovernanceTx.Delegate("parks", aId)); // no cycle any more
    }

    // ---- last: two years pass -----------------------------------------------------------------------------------

    @Test
    @Order(100)
    void aCitizenWhoseCitizenshipLapsesWhileVotingCannotVote() {
        SigningKey early = citizens.get(0); // admitted by the founder: among the first to lapse
        long expires = running.node.read(s -> s.registry().byCurrentKey(early.verifyingKey()).orElseThrow().expiresAt());
        // propose so that voting opens a day before the early citizen's citizenship lapses
        step(Duration.ofMillis(expires - running.clock().millis()).minusHours(deliberationHours() + 24));
        Hash id = okId(citizens.get(250), yesNo("A long vote", 24 * 30));
        ok(citizens.get(251), new GovernanceTx.Sponsor(id));
        ok(citizens.get(252), new GovernanceTx.Sponsor(id));
        step(Duration.ofHours(deliberationHours() + 1));
        assertThat(proposal(id).get("state").asText()).isEqualTo("voting");
        ok(early, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.NO)));
        step(Duration.ofDays(2));
        refused(early, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)), 422,
                "CITIZENSHIP_LAPSED");
    }
}

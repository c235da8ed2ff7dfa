package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.SocietyView;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyParams;
import org.phyle.node.KeyFile;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;

/**
 * The economy's read API through real HTTP on a small society whose genesis sets the economy's parameters as the
 * demo's does (the Horta, the treasury holding the genesis allocation, half the revenue as a dividend): the summary, the treasury's statement by period, an account, the empty
 * lists of rounds, campaigns and dividends, and every refusal (a bad did, an unknown or malformed round or campaign,
 * a period out of range).
 */
class EconomyApiTest {
    static TestNodes.Running running;
    static String api;

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        api = running.url() + "/api/v1";
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static JsonNode get(String path) {
        return Problems.getOk(api + path);
    }

    static void problem(String path, int status, String code) {
        Problems.assertGetProblem(api + path, status, code);
    }

    @Test
    void theSummaryShowsTheCurrencySupplyTreasuryAndDividend() {
        JsonNode e = get("/economy");
        long allocation = running.node.read(s -> s.parameters().get(EconomyParams.GENESIS_ALLOCATION));
        assertThat(allocation).isPositive();
        assertThat(e.at("/currency/name").asText()).isEqualTo("Horta");
        assertThat(e.at("/currency/code").asText()).isEqualTo("HRT");
        assertThat(e.at("/currency/decimals").asInt()).isEqualTo(6);
        assertThat(e.at("/supply/minor").asLong()).isEqualTo(allocation);
        assertThat(e.at("/supply/formatted").asText()).isEqualTo(allocation / 1_000_000 + ".000000");
        assertThat(e.at("/issued/minor").asLong()).isZero();
        assertThat(e.at("/treasury/general/minor").asLong()).isEqualTo(allocation);
        assertThat(e.at("/treasury/land/minor").asLong()).isZero();
        // the default cap is 2% of the supply at the start of the year, none of it issued yet
        assertThat(e.at("/issuance/room/minor").asLong()).isEqualTo(allocation / 50);
        assertThat(e.at("/issuance/year").asLong()).isZero();
        long genesis = running.node.read(SocietyView::genesisTime);
        assertThat(e.at("/dividend/nextAt").asLong()).isEqualTo(genesis + 30 * 86_400_000L);
        assertThat(e.at("/dividend/shareBp").asLong()).isEqualTo(5000);
    }

    @Test
    void theTreasuryStatementHasTheGenesisAllocationAsIncome() {
        JsonNode t = get("/economy/treasury?period=7");
        long allocation = running.node.read(s -> s.view(Economy.class).genesisAllocation());
        assertThat(t.get("periodDays").asLong()).isEqualTo(7);
        JsonNode first = t.get("periods").get(0);
        assertThat(first.at("/opening/minor").asLong()).isZero();
        assertThat(first.at("/income/genesis/minor").asLong()).isEqualTo(allocation);
        assertThat(first.at("/closing/minor").asLong()).isEqualTo(allocation);
        assertThat(first.get("until").asLong() - first.get("from").asLong()).isEqualTo(7 * 86_400_000L);
        problem("/economy/treasury?period=0", 400, "BAD_REQUEST");
        problem("/economy/treasury?period=week", 400, "BAD_REQUEST");
    }

    @Test
    void anAccountIsAnyDidKeyAndABadOneIsRefused() {
        SigningKey founder = KeyFile.read(running.dir.resolve("keys/founder.key"));
        JsonNode a = get("/accounts/" + founder.did());
        assertThat(a.get("did").asText()).isEqualTo(founder.did());
        assertThat(a.at("/spendable/minor").asLong()).isZero();
        assertThat(a.at("/locked/formatted").asText()).isEqualTo("0.000000");
        assertThat(a.get("locks")).isEmpty();
        assertThat(a.get("patronOf")).isEmpty();
        assertThat(a.at("/person/number").asInt()).isZero();
        JsonNode stranger = get("/accounts/" + SigningKey.generate().did());
        assertThat(stranger.get("person").isNull()).isTrue();
        problem("/accounts/alice", 400, "BAD_REQUEST");
        problem("/accounts/did:key:z6MkNotAKey", 400, "BAD_REQUEST");
    }

    @Test
    void unknownRoundsAndCampaignsAreNotFoundAndMalformedOnesBadRequests() {
        assertThat(get("/rounds").get("count").asInt()).isZero();
        assertThat(get("/campaigns").get("campaigns")).isEmpty();
        JsonNode d = get("/dividends");
        assertThat(d.get("dividends")).isEmpty();
        assertThat(d.at("/settings/periodDays").asLong()).isEqualTo(30);
        problem("/rounds/0", 404, "NOT_FOUND");
        problem("/campaigns/7", 404, "NOT_FOUND");
        problem("/rounds/first", 400, "BAD_REQUEST");
        problem("/campaigns/-1", 400, "BAD_REQUEST");
    }
}

package org.phyle.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.node.cli.CliTest.phyle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.Economy;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;

/**
 * The economy's commands against the demo society, whose history has the Horta, stipends paid from the treasury, a
 * funding round paid out and one open, a funded and a refunded campaign, a vesting grant and a dividend: the summary,
 * a wallet, a payment and a lock with exact amounts, the rounds and campaigns, and {@code qf verify}, which
 * recomputes a round from the ledger alone.
 */
class EconomyCliTest {
    static CliDemo demo;
    static TestNodes.Running running;
    static Map<String, SigningKey> keys;

    @BeforeAll
    static void start() {
        demo = new CliDemo();
        running = demo.running;
        keys = demo.keys;
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String url() {
        return demo.url();
    }

    /** A demo person's key, written to a key file. */
    static Path keyFile(String name) {
        return demo.keyFile(name);
    }

    static long spendable(String did) {
        return demo.spendable(did);
    }

    static String nameOf(int number) {
        return running.node.read(s -> s.registry().byNumber(number).orElseThrow().name());
    }

    @Test
    void theSummaryNamesTheCurrencyAndTheTreasury() {
        CliTest.Run r = phyle("economy", "--node", url());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Horta (HRT)").contains("Treasury:").contains("Dividend:  50%");
        CliTest.Run json = phyle("economy", "--node", url(), "--json");
        assertThat(json.out()).contains("\"supply\"");
    }

    @Test
    void aPaymentAndALockWithExactAmountsShowInTheWallet() throws Exception {
        // the stipends went to the citizens numbered after the first few: find one with money
        String name = null;
        for (int n = 10; name == null; n++) {
            String candidate = nameOf(n);
            SigningKey k = keys.get(candidate);
            if (k != null && running.node.read(s -> s.view(Economy.class).spendable(k.did(), s.time())) > 100_000_000L) {
                name = candidate;
            }
        }
        SigningKey payer = keys.get(name);
        SigningKey payee = SigningKey.generate();
        long before = running.node.read(s -> s.view(Economy.class).spendable(payer.did(), s.time()));
        CliTest.Run pay = phyle("pay", payee.did(), "1.000001", "--memo", "for the seeds", "--key",
                keyFile(name).toString(), "--node", url());
        assertThat(pay.exit()).as(pay.err()).isZero();
        assertThat(spendable(payee.did()))
                .isEqualTo(1_000_001L);
        CliTest.Run wallet = phyle("wallet", payee.did(), "--node", url());
        assertThat(wallet.out()).contains("Spendable: 1.000001 HRT");

        CliTest.Run lock = phyle("lock", "2.5", "--until", "2099-01-01", "--key", keyFile(name).toString(),
                "--node", url());
        assertThat(lock.exit()).as(lock.err()).isZero();
        CliTest.Run mine = phyle("wallet", "--key", keyFile(name).toString(), "--node", url(), "--json");
        JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mine.out());
        assertThat(a.at("/spendable/minor").asLong()).isEqualTo(before - 1_000_001L - 2_500_000L);
        assertThat(a.get("locks").get(a.get("locks").size() - 1).at("/amount/minor").asLong()).isEqualTo(2_500_000L);

        // bad amounts never reach the node
        assertThat(phyle("pay", payee.did(), "1.0000001", "--key", keyFile(name).toString(), "--node", url())
                .err()).contains("at most six decimals");
        assertThat(phyle("pay", payee.did(), "1e3", "--key", keyFile(name).toString(), "--node", url()).exit())
                .isEqualTo(1);
        assertThat(phyle("pay", "bob", "1", "--key", keyFile(name).toString(), "--node", url()).err())
                .contains("did:key or treasury");
        assertThat(phyle("pay", payee.did(), "1", "--revenue", "--key", keyFile(name).toString(), "--node", url())
                .err()).contains("--revenue is for a payment into the treasury");
        assertThat(phyle("lock", "1", "--until", "next year", "--key", keyFile(name).toString(), "--node", url())
                .err()).contains("--until is a date");
        // the node refuses what is more than one has: exit 3, nothing moved
        CliTest.Run tooMuch = phyle("pay", payee.did(), "999999", "--key", keyFile(name).toString(), "--node", url());
        assertThat(tooMuch.exit()).isEqualTo(3);
        assertThat(spendable(payee.did()))
                .isEqualTo(1_000_001L);
    }

    @Test
    void walletHistoryListsAnAccountsMovementsNewestFirstAndPagesOn() throws Exception {
        // the builder: a vesting grant, then the dividend
        String builder = keys.get(nameOf(4)).did();
        CliTest.Run h = phyle("wallet", "history", builder, "--node", url());
        assertThat(h.exit()).as(h.err()).isZero();
        String[] lines = h.out().strip().split("\n");
        assertThat(lines[0]).contains("+").contains(" HRT").contains("dividend").contains("from treasury");
        assertThat(h.out()).contains("locked 12000.000000 HRT").contains("vesting").contains("lock #");
        // one at a time: the answer names the cursor of the next page
        CliTest.Run first = phyle("wallet", "history", builder, "--limit", "1", "--node", url(), "--json");
        JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.out());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("kind").asText()).isEqualTo("dividend");
        String next = page.get("next").asText();
        assertThat(phyle("wallet", "history", builder, "--limit", "1", "--node", url()).out())
                .contains("Older: phyle wallet history " + builder + " --before " + next);
        CliTest.Run second = phyle("wallet", "history", builder, "--limit", "1", "--before", next, "--node", url());
        assertThat(second.out()).contains("vesting").doesNotContain("Older");
        // the treasury's own history, and the bad inputs
        assertThat(phyle("wallet", "history", "treasury", "--limit", "200", "--node", url()).out())
                .contains("genesis").contains("treasury-spend");
        CliTest.Run none = phyle("wallet", "history", "--node", url());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Give the account");
        CliTest.Run bad = phyle("wallet", "history", "bob", "--node", url());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("did:key");
        assertThat(phyle("wallet", "history", builder, "--before", "soon", "--node", url()).err())
                .contains("cursor");
        assertThat(phyle("wallet", "history", SigningKey.generate().did(), "--node", url()).out())
                .contains("No movements of money yet.");
        // the wallet itself still wants its account
        assertThat(phyle("wallet", "--node", url()).exit()).isEqualTo(2);
    }

    @Test
    void benchTransfersFundsItsAccountsByTheRulesAndChecksEveryBalance() {
        long before = running.node.head().treeSize();
        CliTest.Run bench = phyle("bench", "transfers", "--accounts", "3", "--txs", "60", "--batch", "20",
                "--clients", "2", "--rounds", "2");
        assertThat(bench.exit()).as(bench.out() + bench.err()).isZero();
        assertThat(bench.out()).contains("Started a node in ").contains("transfers: 60 committed, 0 not committed")
                .contains("notary ingest, same node and settings: 60 committed")
                .contains("transfers / notary ingest = ").contains("checked against the transfers sent: exact");
        assertThat(running.node.head().treeSize()).as("the demo's ledger did not grow").isEqualTo(before);
        CliTest.Run noKey = phyle("bench", "transfers", "--node", url());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("with --node, give --key");
        assertThat(running.node.head().treeSize()).isEqualTo(before);
    }

    @Test
    void roundsAndCampaignsAreListedAndShown() {
        CliTest.Run list = phyle("qf", "list", "--node", url());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("Spring public goods").contains("paid").contains("Summer public goods")
                .contains("contributions");
        CliTest.Run show = phyle("qf", "show", "0", "--node", url());
        assertThat(show.out()).contains("Seed library").contains("Paid: ");
        assertThat(phyle("qf", "show", "1", "--node", url()).out()).contains("Estimate, as if paid out now");
        assertThat(phyle("qf", "show", "9", "--node", url()).exit()).isEqualTo(1);

        CliTest.Run campaigns = phyle("campaign", "list", "--node", url());
        assertThat(campaigns.out()).contains("funded").contains("refunded").contains("Marvila");
        assertThat(phyle("campaign", "show", "0", "--node", url()).out()).contains("Funded");
        assertThat(phyle("campaign", "show", "1", "--node", url()).out()).contains("every pledge was refunded");
    }

    @Test
    void qfVerifyRecomputesThePaidAndTheOpenRoundFromTheLedger() {
        CliTest.Run paid = phyle("qf", "verify", "0", "--node", url());
        assertThat(paid.exit()).as(paid.out() + paid.err()).isZero();
        assertThat(paid.out()).contains("(its payout)").contains("AGREES").doesNotContain("FAIL");
        CliTest.Run open = phyle("qf", "verify", "1", "--node", url());
        assertThat(open.exit()).as(open.out() + open.err()).isZero();
        assertThat(open.out()).contains("(an estimate)").contains("AGREES");
    }

    @Test
    void theDemoHasEveryPartOfTheEconomyThroughTheApi() {
        org.phyle.node.client.NodeClient client = new org.phyle.node.client.NodeClient(url());
        JsonNode e = client.getJson("/economy");
        assertThat(e.at("/currency/name").asText()).isEqualTo("Horta");
        assertThat(e.get("rounds").asInt()).isEqualTo(2);
        JsonNode spring = client.getJson("/rounds/0");
        assertThat(spring.get("phase").asText()).isEqualTo("paid");
        assertThat(spring.at("/matching/estimate").asBoolean()).isFalse();
        assertThat(spring.at("/matching/distributed/minor").asLong()).isPositive();
        JsonNode summer = client.getJson("/rounds/1");
        assertThat(summer.get("phase").asText()).isEqualTo("contributions");
        assertThat(summer.get("mode").asText()).isEqualTo("pairwise");
        assertThat(summer.at("/matching/estimate").asBoolean()).isTrue();
        JsonNode campaigns = client.getJson("/campaigns").get("campaigns");
        assertThat(campaigns.get(0).get("state").asText()).isEqualTo("funded");
        assertThat(campaigns.get(0).get("progressBp").asLong()).isEqualTo(10_000);
        assertThat(campaigns.get(1).get("state").asText()).isEqualTo("refunded");
        assertThat(e.at("/treasury/land/minor").asLong()).isEqualTo(4_000_000_000L);
        JsonNode dividends = client.getJson("/dividends").get("dividends");
        assertThat(dividends).hasSize(1);
        assertThat(dividends.get(0).at("/revenue/minor").asLong()).isEqualTo(300_000_000L);
        assertThat(dividends.get(0).get("citizens").asInt()).isPositive();
        // the builder's grant vests over a year after a month's cliff: nothing released yet
        JsonNode builder = client.getJson("/accounts/" + keys.get(nameOf(4)).did());
        JsonNode statement = client.getJson("/economy/treasury?period=30").get("periods");
        assertThat(statement.get(2).at("/spending/works/minor").asLong()).isEqualTo(12_000_000_000L);
        assertThat(statement.get(2).at("/income/revenue/minor").asLong()).isEqualTo(300_000_000L);
        assertThat(builder.get("locks").get(0).at("/amount/minor").asLong()).isEqualTo(12_000_000_000L);
        assertThat(builder.at("/locked/minor").asLong()).isEqualTo(12_000_000_000L);
        // all the builder may spend is their share of the dividend
        assertThat(builder.at("/spendable/minor").asLong()).isEqualTo(dividends.get(0).at("/each/minor").asLong());
    }

    static long summerTotal(int project) {
        return running.node.read(s -> s.view(Economy.class).round(1).orElseThrow().projects().get(project).total());
    }

    /** A citizen of the demo with money to spend (the stipends went to those numbered after the first few). */
    static String citizenWithMoney(int from) {
        for (int n = from; ; n++) {
            String candidate = nameOf(n);
            SigningKey k = keys.get(candidate);
            boolean citizen = running.node.read(s -> s.registry().byCurrentKey(k.verifyingKey())
                    .filter(p -> p.activeCitizen(s.time())).isPresent());
            if (k != null && citizen && spendable(k.did()) > 50_000_000L) {
                return candidate;
            }
        }
    }

    @Test
    void aCitizenContributesAndStartsAndPledgesToACampaignAndTheRulesRefuseWhatTheyMust() {
        String name = citizenWithMoney(30);
        String key = keyFile(name).toString();
        long before = summerTotal(2);
        CliTest.Run give = phyle("qf", "contribute", "1", "2", "3.25", "--key", key, "--node", url());
        assertThat(give.exit()).as(give.out() + give.err()).isZero();
        assertThat(summerTotal(2)).isEqualTo(before + 3_250_000L);
        // the estimate moved with it, and still recomputes from the ledger
        CliTest.Run verify = phyle("qf", "verify", "1", "--node", url());
        assertThat(verify.exit()).as(verify.out()).isZero();

        // applications to the summer round closed on day 88; project 0 is approved; the round runs for weeks more
        CliTest.Run late = phyle("qf", "apply", "1", "--title", "Late idea", "--recipient",
                keys.get(name).did(), "--key", key, "--node", url());
        assertThat(late.exit()).isEqualTo(3);
        assertThat(late.err() + late.out()).contains("APPLICATIONS_CLOSED");
        CliTest.Run again = phyle("qf", "approve", "1", "0", "--key", keyFile(nameOf(1)).toString(), "--node", url());
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err() + again.out()).contains("ALREADY_APPROVED");
        CliTest.Run early = phyle("qf", "payout", "1", "--key", key, "--node", url());
        assertThat(early.exit()).isEqualTo(3);
        assertThat(early.err() + early.out()).contains("ROUND_NOT_ENDED");
        assertThat(phyle("qf", "payout", "0", "--key", key, "--node", url()).err() + "").contains("ALREADY_PAID");

        int campaigns = running.node.read(s -> s.view(Economy.class).campaigns().size());
        CliTest.Run tooFar = phyle("campaign", "start", "--title", "A roof for the market", "--property",
                "Largo do Mercado 3", "--country", "PT", "--target", "5000", "--deadline", "2099-12-31",
                "--steward", keys.get(name).did(), "--key", key, "--node", url());
        assertThat(tooFar.exit()).isEqualTo(3);
        assertThat(tooFar.err() + tooFar.out()).contains("BAD_CAMPAIGN");
        String deadline = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60).toString();
        CliTest.Run start = phyle("campaign", "start", "--title", "A roof for the market", "--property",
                "Largo do Mercado 3", "--country", "PT", "--target", "5000", "--deadline", deadline,
                "--steward", keys.get(name).did(), "--key", key, "--node", url());
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        CliTest.Run pledge = phyle("campaign", "pledge", String.valueOf(campaigns), "12.000001", "--key", key,
                "--node", url());
        assertThat(pledge.exit()).as(pledge.out() + pledge.err()).isZero();
        long escrow = running.node.read(s -> s.view(Economy.class).campaign(campaigns).orElseThrow().escrow());
        assertThat(escrow).isEqualTo(12_000_001L);
        CliTest.Run show = phyle("campaign", "show", String.valueOf(campaigns), "--node", url());
        assertThat(show.out()).contains("12.000001 HRT").contains("Open until");
        assertThat(phyle("wallet", "--key", key, "--node", url()).out()).contains("patron of campaign #" + campaigns);
        CliTest.Run closed = phyle("campaign", "pledge", "1", "1", "--key", key, "--node", url());
        assertThat(closed.exit()).isEqualTo(3);
        assertThat(closed.err() + closed.out()).contains("CAMPAIGN_CLOSED");
    }

    /**
     * A node that serves the real ledger but publishes one match a minor unit higher than it paid: {@code qf verify}
     * finds the difference from the ledger alone and exits 1.
     */
    @Test
    void qfVerifyCatchesANodeThatPublishesAFigureTheLedgerDoesNotGive() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        com.sun.net.httpserver.HttpServer liar = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        liar.createContext("/", exchange -> {
            try {
                String path = exchange.getRequestURI().toString();
                var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                byte[] body = answer.body();
                if (path.equals("/api/v1/rounds/0")) {
                    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    var round = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(body);
                    var match = (com.fasterxml.jackson.databind.node.ObjectNode) round.get("projectList").get(1)
                            .get("match");
                    match.put("minor", match.get("minor").asLong() + 1);
                    body = mapper.writeValueAsBytes(round);
                }
                exchange.getResponseHeaders().set("Content-Type",
                        answer.headers().firstValue("Content-Type").orElse("application/json"));
                exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        liar.start();
        try {
            String lying = "http://127.0.0.1:" + liar.getAddress().getPort();
            CliTest.Run r = phyle("qf", "verify", "0", "--node", lying);
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL [1] raw match").contains("DIFFERS").doesNotContain("AGREES");
        } finally {
            liar.stop(0);
        }
    }
}

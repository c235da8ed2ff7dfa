package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.Committed;
import org.phyle.node.NodeConfig;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.store.LedgerStore;

/**
 * Every account's history through real HTTP on the demo society (stipends from the treasury, rounds, campaigns,
 * vesting and a dividend) with its real SQLite ledger: paged newest first, adding up to the balance, stored with
 * each block so that it survives a restart, and filled again by a replay (from a snapshot, or from the genesis for
 * a ledger that lacks it) to exactly the same rows. Bad accounts and cursors are refused with a clear code.
 */
class EconomyHistoryTest {
    static Path dir;
    static NodeConfig config;
    static TestNodes.Running running;
    static String api;
    static Map<String, SigningKey> keys;

    @BeforeAll
    static void start() {
        dir = TestNodes.tempDir();
        config = NodeConfig.defaults(dir).withSnapshotEveryTxs(400);
        running = TestNodes.demo(config);
        api = running.url() + "/api/v1";
        keys = DemoSociety.keys(dir);
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

    /** Every item of an account's history, page by page. */
    static List<JsonNode> all(String account, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = get("/accounts/" + account + "/history?limit=" + limit
                    + (next == null ? "" : "&before=" + next));
            assertThat(page.get("account").asText()).isEqualTo(account);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(items::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            if (next != null) {
                assertThat(page.get("items").size()).isEqualTo(limit);
                assertThat(next).isEqualTo(page.get("items").get(limit - 1).get("cursor").asText());
            }
        } while (next != null);
        return items;
    }

    static long signedSum(List<JsonNode> items) {
        long sum = 0;
        for (JsonNode i : items) {
            long minor = i.at("/amount/minor").asLong();
            sum += switch (i.get("direction").asText()) {
                case "in" -> minor;
                case "out" -> -minor;
                default -> 0;
            };
        }
        return sum;
    }

    /** A demo person with a stipend, the first found. */
    static SigningKey someoneWithMoney() {
        for (SigningKey k : keys.values()) {
            long balance = running.node.read(s -> s.view(Economy.class).balances().getOrDefault(k.did(), 0L));
            if (balance > 100_000_000L) {
                return k;
            }
        }
        throw new AssertionError("nobody in the demo has money");
    }

    static List<String> rows(Path dataDir) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(LedgerStore.FILE));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT height, seq, account, time, kind, direction, amount, counterparty,"
                     + " memo, hex(tx), hex(proposal), round, project, campaign, lock FROM movements"
                     + " ORDER BY height, seq")) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 15; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    static void sql(Path dataDir, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(LedgerStore.FILE));
             Statement s = c.createStatement()) {
            for (String st : statements) {
                s.executeUpdate(st);
            }
        }
    }

    @Test
    void anAccountsHistoryIsPagedNewestFirstAndAddsUpToItsBalance() throws Exception {
        SigningKey payer = someoneWithMoney();
        String payee = SigningKey.generate().did();
        Hash society = running.node.read(s -> s.id());
        byte[] transfer = TxSigner.signBytes(society, payer, new EconomyTx.Transfer(payee, 1_234_567, "for the bread",
                false), "history-test", System.currentTimeMillis() + 600_000);
        Committed c = running.node.submit(running.node.decoder().decode(transfer)).get();

        List<JsonNode> items = all(payer.did(), 3);
        assertThat(items).hasSizeGreaterThan(3);
        JsonNode newest = items.get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("transfer");
        assertThat(newest.get("direction").asText()).isEqualTo("out");
        assertThat(newest.at("/amount/minor").asLong()).isEqualTo(1_234_567);
        assertThat(newest.at("/amount/formatted").asText()).isEqualTo("1.234567");
        assertThat(newest.get("counterparty").asText()).isEqualTo(payee);
        assertThat(newest.get("memo").asText()).isEqualTo("for the bread");
        assertThat(newest.get("tx").asText()).isEqualTo(c.txId().hex());
        assertThat(newest.get("height").asLong()).isEqualTo(c.height());
        assertThat(newest.get("proposal").isNull()).isTrue();
        assertThat(newest.get("round").isNull()).isTrue();
        // newest first, each once
        Set<String> cursors = new HashSet<>();
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("height").asLong()).isLessThanOrEqualTo(items.get(i - 1).get("height").asLong());
            assertThat(cursors.add(items.get(i).get("cursor").asText())).isTrue();
        }
        // the history and the balance agree
        long balance = running.node.read(s -> s.view(Economy.class).balances().getOrDefault(payer.did(), 0L));
        assertThat(signedSum(items)).isEqualTo(balance);
        assertThat(signedSum(all(EconomyTx.TREASURY, 50)))
                .isEqualTo(running.node.read(s -> s.view(Economy.class).treasury()));
        // the payee's first ever movement
        JsonNode in = get("/accounts/" + payee + "/history").get("items");
        assertThat(in).hasSize(1);
        assertThat(in.get(0).get("direction").asText()).isEqualTo("in");
        assertThat(in.get(0).get("counterparty").asText()).isEqualTo(payer.did());
        // the demo's history holds every kind of movement of the economy but a holder's own lock
        Set<String> kinds = new HashSet<>();
        for (String row : rows(dir)) {
            kinds.add(row.split("\\|")[4]);
        }
        assertThat(kinds).contains("genesis", "transfer", "treasury-spend", "vesting", "qf-pool", "qf-contribution",
                "qf-payout", "qf-match", "qf-return", "pledge", "refund", "land", "dividend");
    }

    @Test
    void badAccountsCursorsAndLimitsAreRefusedAndAnUntouchedAccountHasAnEmptyHistory() {
        problem("/accounts/alice/history", 400, "BAD_REQUEST");
        problem("/accounts/did:key:z6MkNotAKey/history", 400, "BAD_REQUEST");
        String did = SigningKey.generate().did();
        problem("/accounts/" + did + "/history?before=yesterday", 400, "BAD_REQUEST");
        problem("/accounts/" + did + "/history?before=12", 400, "BAD_REQUEST");
        problem("/accounts/" + did + "/history?limit=0", 400, "BAD_REQUEST");
        problem("/accounts/" + did + "/history?limit=201", 400, "BAD_REQUEST");
        JsonNode empty = get("/accounts/" + did + "/history");
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("next").isNull()).isTrue();
        // a cursor before everything gives nothing
        assertThat(get("/accounts/treasury/history?before=0.0").get("items")).isEmpty();
    }

    @Test
    void theHistorySurvivesARestartAndAReplayFillsItAgainToTheSameRows() throws Exception {
        running.stop();
        List<String> stored = rows(dir);
        assertThat(stored).isNotEmpty();
        try {
            // a restart: from the newest snapshot, replaying the blocks after it (stored again: nothing changes)
            TestNodes.Running again = TestNodes.reopen(config);
            again.stop();
            assertThat(rows(dir)).isEqualTo(stored);
            // a ledger written before the history was kept: filled from the genesis, snapshots notwithstanding
            sql(dir, "DELETE FROM movements", "DELETE FROM meta WHERE key = 'historyThrough'");
            TestNodes.reopen(config).stop();
            assertThat(rows(dir)).isEqualTo(stored);
            // a history that stops short: filled from its end
            long half = Long.parseLong(stored.get(stored.size() / 2).split("\\|")[0]);
            sql(dir, "DELETE FROM movements WHERE height > " + half,
                    "UPDATE meta SET value = '" + half + "' WHERE key = 'historyThrough'");
            TestNodes.reopen(config).stop();
            assertThat(rows(dir)).isEqualTo(stored);
        } finally {
            running = TestNodes.reopen(config);
            api = running.url() + "/api/v1";
        }
        assertThat(get("/accounts/treasury/history?limit=1").get("items")).hasSize(1);
    }
}

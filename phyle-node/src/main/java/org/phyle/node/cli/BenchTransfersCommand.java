package org.phyle.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.client.NodeClient;
import org.phyle.node.http.ApiServer;
import org.phyle.node.loadgen.IngestBenchmark;
import org.phyle.node.loadgen.TransferBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "transfers", description = {"N funded accounts pay one another signed economy.transfer transactions in",
        "batches over HTTP and wait for durable commit; in the same run, in alternating rounds, as many notary records",
        "(as bench ingest sends) for comparison. Without --node, a node is started in a temporary directory in this process and the accounts are",
        "funded by a treasury spend its founder proposes and passes."})
final class BenchTransfersCommand implements Callable<Integer> {
    @Option(names = "--node", description = {"URL of a running node (default: start one here, in a temporary",
            "directory). Its ledger keeps every transaction sent, for good: never a society you care about."})
    String node;

    @Option(names = "--key", description = {"With --node: the key file of an account that pays each account "
            + TransferBenchmark.FUNDING_EACH / 1_000_000 + " units to start."})
    Path key;

    @Option(names = "--accounts", defaultValue = "1000", description = "Funded accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--txs", defaultValue = "50000", description = "Transfers to send, and notary records "
            + "(default: ${DEFAULT-VALUE}).")
    int txs;

    @Option(names = "--batch", defaultValue = "1000", description = "Transactions per HTTP request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rounds", defaultValue = "5", description = {"Timed rounds, each a chunk of transfers and one",
            "of notary records, after a warm-up round (default: ${DEFAULT-VALUE})."})
    int rounds;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent client connections (default: ${DEFAULT-VALUE}).")
    int clients;

    @Override
    public Integer call() throws Exception {
        if (node != null && key == null) {
            throw new IllegalArgumentException("with --node, give --key: the account that funds the benchmark's "
                    + "accounts");
        }
        if (accounts < 2 || txs < 1 || batch < 1 || clients < 1 || rounds < 1) {
            throw new IllegalArgumentException("--accounts is at least 2; --txs, --batch, --clients and --rounds at least 1");
        }
        Path temp = null;
        TransferBenchmark.Local local = null;
        ApiServer server = null;
        String url = node;
        try {
            if (url == null) {
                temp = Files.createTempDirectory("phyle-bench");
                local = TransferBenchmark.create(temp);
                local.node().start();
                // a node that exists to be measured: its throughput, not the charter's write quotas
                server = new ApiServer(local.node()).writeQuotas(false).start("127.0.0.1", 0);
                url = "http://127.0.0.1:" + server.port();
                System.out.println("Started a node in " + temp + " at " + url);
            }
            NodeClient client = new NodeClient(url);
            Hash society = Hash.fromHex(client.society().get("id").asText());
            if (node != null) {
                System.out.printf("Sending %,d transfers and %,d notary records into the ledger of %s at %s: they stay"
                        + " there for good.%n", txs, txs, client.society().path("name").asText(), url);
            }
            IngestBenchmark.Settings settings = new IngestBenchmark.Settings(accounts, txs, batch, clients);
            SigningKey payer;
            long now;
            if (local != null) {
                TransferBenchmark.grantToFounder(local, client, accounts * TransferBenchmark.FUNDING_EACH);
                payer = local.founder();
                now = local.clock().millis();
            } else {
                payer = KeyFile.read(key);
                now = System.currentTimeMillis();
            }
            List<SigningKey> keys = TransferBenchmark.fund(client, society, payer, accounts, batch, now);
            // a warm-up chunk of each, not timed, then the measured chunks, alternating which kind goes first, so
            // that neither figure pays for the JIT compiler or gets the quieter moments of a busy machine
            int chunk = (txs + rounds - 1) / rounds;
            int all = txs + chunk;
            List<byte[]> transfers;
            List<byte[]> records;
            try (ProgressBar bar = new ProgressBar("signing ", "tx")) {
                transfers = TransferBenchmark.prepare(society, keys, all, now, bar::update);
                records = TransferBenchmark.prepareRecords(society, accounts, all, now);
            }
            TransferBenchmark.Tally paid = new TransferBenchmark.Tally();
            TransferBenchmark.Tally notarised = new TransferBenchmark.Tally();
            try (ProgressBar bar = new ProgressBar("sending ", "tx")) {
                long[] sent = {0};
                for (int round = 0, from = 0; from < all; round++, from += chunk) {
                    int to = Math.min(all, from + chunk);
                    for (int k = 0; k < 2; k++) {
                        boolean payments = (k + round) % 2 == 0;
                        IngestBenchmark.Result r = IngestBenchmark.run(client,
                                (payments ? transfers : records).subList(from, to), settings,
                                (d, t) -> bar.update(sent[0] + d, 2L * all));
                        sent[0] += to - from;
                        if (round > 0) {
                            (payments ? paid : notarised).add(r);
                        }
                    }
                }
            }
            if (local != null && paid.rejected() == 0) {
                TransferBenchmark.checkBalances(local.node(), keys, all);
            }
            TransferBenchmark.Tally r = paid;
            TransferBenchmark.Tally ingest = notarised;
            System.out.printf("transfers: %,d committed, %,d not committed, in %.2f s = %,.0f tx/s%n", r.committed(),
                    r.rejected(), r.seconds(), r.txPerSecond());
            System.out.printf("  %d accounts, batches of %d, %d clients, %d timed rounds; batch latency p50 %.0f ms%n",
                    accounts, batch, clients, rounds, r.batchP50Ms());
            System.out.printf("notary ingest, same node and settings: %,d committed in %.2f s = %,.0f tx/s; batch latency"
                    + " p50 %.0f ms%n", ingest.committed(), ingest.seconds(), ingest.txPerSecond(), ingest.batchP50Ms());
            System.out.printf("  transfers / notary ingest = %.2f%n", r.txPerSecond() / ingest.txPerSecond());
            if (local != null) {
                System.out.println("  every account's balance checked against the transfers sent: exact");
            }
            System.out.printf("  machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            return r.rejected() == 0 && ingest.rejected() == 0 ? 0 : 1;
        } finally {
            if (server != null) {
                server.close();
            }
            if (local != null) {
                local.node().close();
            }
            BenchCommand.deleteQuietly(temp);
        }
    }
}

package org.phyle.node.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.phyle.core.Block;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.client.NodeClient;
import org.phyle.node.http.ApiServer;

/**
 * A load test of admission on this machine only (127.0.0.1): a citizen in good standing sends notary records one at a
 * time, first on a quiet node, then while flooders on other loopback addresses (127.0.0.2 ...) send batches of
 * transactions from fresh unregistered keys, half of them with a broken signature, as fast as they are answered. The
 * citizen's latencies in both phases are measured in the same run, on the same node, so that their ratio means
 * something whatever the machine. Bounded: a fixed number of citizen writes per phase, and a time limit.
 *
 * <p>Run it with {@code java -cp phyle-node/target/phyle.jar org.phyle.node.loadgen.FloodBenchmark [writes]
 * [flooders]} after {@code ./mvnw -pl phyle-node -am package -DskipTests}.
 */
public final class FloodBenchmark {
    private static final long TIME_LIMIT_MS = 120_000;
    private static final int FLOOD_BATCH = 100;

    public record Phase(String name, int writes, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    }

    public record Result(Phase quiet, Phase flooded, Phase quietAdmission, Phase floodedAdmission, long floodRequests, long floodTxs, Map<String, Long> floodOutcomes,
                         long floodCommitted, double floodSeconds) {
    }

    private FloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int flooders = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("phyle-flood");
        try {
            Result r = run(dir, writes, flooders);
            for (Phase p : List.of(r.quietAdmission(), r.floodedAdmission(), r.quiet(), r.flooded())) {
                System.out.printf("%-18s citizen: %d writes, latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        p.name(), p.writes(), p.p50Ms(), p.p90Ms(), p.p99Ms(), p.maxMs());
            }
            System.out.printf("ratio flooded/quiet: admitted p50 %.2f, p99 %.2f; committed p50 %.2f, p99 %.2f%n",
                    r.floodedAdmission().p50Ms() / r.quietAdmission().p50Ms(),
                    r.floodedAdmission().p99Ms() / r.quietAdmission().p99Ms(),
                    r.flooded().p50Ms() / r.quiet().p50Ms(), r.flooded().p99Ms() / r.quiet().p99Ms());
            System.out.printf("flood: %d requests of %d transactions in %.1f s from %d addresses; answers %s; "
                    + "flood transactions committed: %d%n", r.floodRequests(), r.floodTxs(), r.floodSeconds(), flooders,
                    r.floodOutcomes(), r.floodCommitted());
            System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static Result run(Path dir, int writes, int flooders) throws Exception {
        SigningKey founder = SigningKey.generate();
        SigningKey nodeKey = SigningKey.generate();
        Block genesis = Society.createGenesis(founder, "Founder", nodeKey, "Flood test", "Measure admission under a flood.",
                org.phyle.core.Catalog.defaultParameters(), System.currentTimeMillis(),
                org.phyle.node.client.Nonces.random());
        Node.init(dir, genesis, nodeKey);
        Node node = Node.open(NodeConfig.defaults(dir));
        node.start();
        ApiServer server = new ApiServer(node).start("127.0.0.1", 0);
        try {
            int port = server.port();
            NodeClient client = new NodeClient("http://127.0.0.1:" + port);
            Hash society = genesis.header().society();
            Hash charter = node.read(SocietyView::charterHash);
            SigningKey citizen = SigningKey.generate();
            byte[] apply = CitizensBenchmark.sign(society, citizen, new CitizenshipTx.Apply("Citizen", CitizenshipTx
                    .Seeking.CITIZEN, charter, Optional.empty()), "apply");
            client.submit(apply, true);
            Hash applied = Hash.sha256(Jcs.canonicalize(StrictJson.parse(apply).get("payload")));
            client.submit(CitizensBenchmark.sign(society, founder, new CitizenshipTx.Admit(applied), "admit"), true);

            // the flood is signed before it starts, so that signing does not compete with the node for the cores
            List<byte[]> floodBatches = floodBatches(society, 400);
            long deadline = System.currentTimeMillis() + TIME_LIMIT_MS;
            Phase quietAdmission = citizenWrites("quiet, admitted", society, citizen, port, writes, deadline, false);
            Phase quiet = citizenWrites("quiet, committed", society, citizen, port, writes, deadline, true);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong requests = new AtomicLong();
            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            long treeBefore = node.head().treeSize();
            List<Thread> threads = new ArrayList<>();
            long floodStart = System.nanoTime();
            for (int f = 0; f < flooders; f++) {
                String from = "127.0.0." + (2 + f);
                int offset = f;
                Thread t = Thread.ofPlatform().name("flood-" + f).start(() -> {
                    for (int i = offset; !stop.get(); i += flooders) {
                        byte[] body = floodBatches.get(i % floodBatches.size());
                        int status = post(port, from, "/api/v1/txs/batch?wait=false", body).status();
                        requests.incrementAndGet();
                        outcomes.computeIfAbsent(Integer.toString(status), k -> new AtomicLong()).incrementAndGet();
                    }
                });
                threads.add(t);
            }
            Thread.sleep(1000); // let the flood reach its pace
            Phase floodedAdmission = citizenWrites("flooded, admitted", society, citizen, port, writes, deadline, false);
            Phase flooded = citizenWrites("flooded, committed", society, citizen, port, writes, deadline, true);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
            Thread.sleep(1000);
            long committed = node.head().treeSize() - treeBefore - 2L * writes;
            Map<String, Long> counts = new java.util.TreeMap<>();
            outcomes.forEach((k, v) -> counts.put(k, v.get()));
            return new Result(quiet, flooded, quietAdmission, floodedAdmission, requests.get(), requests.get() * FLOOD_BATCH, counts,
                    Math.max(0, committed), floodSeconds);
        } finally {
            server.close();
            node.close();
        }
    }

    /** Batches from fresh keys (a new key every ten transactions), every other transaction's signature broken. */
    static List<byte[]> floodBatches(Hash society, int count) {
        List<byte[]> out = new ArrayList<>(count);
        long expires = System.currentTimeMillis() + 30 * 60_000L;
        SigningKey key = null;
        for (int b = 0; b < count; b++) {
            List<byte[]> envelopes = new ArrayList<>(FLOOD_BATCH);
            for (int i = 0; i < FLOOD_BATCH; i++) {
                if (i % 10 == 0) {
                    key = SigningKey.generate();
                }
                String label = "flood " + b + "/" + i;
                var tx = TxSigner.sign(society, key, new NotaryRecord(Hash.sha256(label.getBytes(StandardCharsets.UTF_8)),
                        label, Optional.empty()), "f" + b + "-" + i, expires);
                if (i % 2 == 1) {
                    byte[] sig = Base64.getUrlDecoder().decode(tx.get("signature").asText());
                    sig[5] ^= 1;
                    tx.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
                }
                envelopes.add(Jcs.canonicalize(tx));
            }
            out.add(CitizensBenchmark.array(envelopes));
        }
        return out;
    }

    /** The citizen's writes one after another: answered on admission (202) or on commit (200, after the block). */
    private static Phase citizenWrites(String name, Hash society, SigningKey citizen, int port, int writes,
                                       long deadline, boolean waitForCommit) {
        double[] ms = new double[writes];
        int done = 0;
        for (int i = 0; i < writes && System.currentTimeMillis() < deadline; i++) {
            String label = "citizen " + name + " " + i;
            byte[] tx = Jcs.canonicalize(TxSigner.sign(society, citizen, new NotaryRecord(Hash.sha256(
                    label.getBytes(StandardCharsets.UTF_8)), label, Optional.empty()), "c" + name.hashCode() + "-" + i,
                    System.currentTimeMillis() + 600_000));
            long t0 = System.nanoTime();
            Answer a = post(port, "127.0.0.1", "/api/v1/txs" + (waitForCommit ? "" : "?wait=false"), tx);
            ms[done++] = (System.nanoTime() - t0) / 1e6;
            if (a.status() != (waitForCommit ? 200 : 202)) {
                throw new IllegalStateException("the citizen's write was refused (" + a.status() + "): " + a.body());
            }
        }
        double[] sorted = Arrays.copyOf(ms, done);
        Arrays.sort(sorted);
        return new Phase(name, done, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    record Answer(int status, String body) {
    }

    /** One POST on its own connection from a loopback address (so that addresses, not just connections, differ). */
    static Answer post(int port, String from, String target, byte[] body) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            int status = text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            return new Answer(-1, e.getMessage());
        }
    }
}

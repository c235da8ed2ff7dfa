package org.phyle.node.loadgen;

import org.phyle.core.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.ParameterSpec;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.client.NodeClient;
import org.phyle.node.http.ApiServer;

/**
 * {@code phyle bench citizens}: a registry of N citizens built through the node. A node is started in a temporary
 * directory in this process (so that its heap can be measured) with a founder allowed to admit N people; client
 * threads apply with N fresh keys and have the founder admit them, in batches over HTTP, each waiting for the
 * block. Then: heap bytes per citizen (after the transactions' replay-protection entries have expired), and the
 * time of registry queries at that size.
 */
public final class CitizensBenchmark {

    public record Result(long citizens, double admitSeconds, double txPerSecond, long heapBytesPerCitizen,
                         long heapBytesTotal, List<QueryTime> queries) {
    }

    public record QueryTime(String query, double medianMs, double maxMs) {
    }

    private CitizensBenchmark() {
    }

    public static Result run(Path dir, int count, int batch, int clients, BiConsumer<Long, Long> progress)
            throws Exception {
        SigningKey founder = SigningKey.generate();
        SigningKey nodeKey = SigningKey.generate();
        Block genesis = Society.createGenesis(founder, "Founder", nodeKey, "Registry benchmark", "Measure the registry.",
                CitizensBenchmark.foundingUntil(Catalog.defaultParameters(), count + 2L)
                        .with("tx.maxLifetimeSeconds", 60),
                System.currentTimeMillis(), org.phyle.node.client.Nonces.random());
        Node.init(dir, genesis, nodeKey);
        Node node = Node.open(NodeConfig.defaults(dir).withSnapshotEveryTxs(Long.MAX_VALUE));
        node.start();
        ApiServer server = new ApiServer(node).start("127.0.0.1", 0);
        try {
            NodeClient client = new NodeClient("http://127.0.0.1:" + server.port());
            Hash society = genesis.header().society();
            Hash charter = node.read(SocietyView::charterHash);
            long baseline = usedHeapAfterGc();

            long started = System.nanoTime();
            admit(client, society, charter, founder, count, batch, clients, progress);
            double seconds = (System.nanoTime() - started) / 1e9;
            long citizens = node.read(s -> s.registry().activeCitizens(s.time()));

            // let the 2N transactions' replay-protection entries expire, then measure what the registry holds
            Thread.sleep(61_000);
            client.submit(sign(society, founder, new CitizenshipTx.Renew(charter), "last"), true);
            long used = usedHeapAfterGc() - baseline;

            List<QueryTime> queries = new ArrayList<>();
            String someone = client.getJson("/citizens?after=" + (count / 2) + "&limit=1").at("/people/0/did").asText();
            for (String q : List.of("/citizens?limit=50", "/citizens?after=" + (count - 100) + "&limit=50",
                    "/citizens?status=citizen&after=" + (count / 2) + "&limit=50", "/citizens/" + (count / 3),
                    "/citizens/" + someone, "/society", "/citizens?q=citizen%20" + (count - 7) + "&limit=50")) {
                queries.add(time(client, q));
            }
            return new Result(citizens, seconds, 2.0 * count / seconds, used / Math.max(1, citizens), used, queries);
        } finally {
            server.close();
            node.close();
        }
    }

    /** Parameters under which the founder keeps admitting (the Founding stage lasts) until this many citizens. */
    static Parameters foundingUntil(Parameters p, long citizens) {
        for (ParameterSpec threshold : List.of(CharterParams.COMMUNITY_AT, CharterParams.REPUBLIC_AT,
                CharterParams.COMMONWEALTH_AT, CharterParams.SOVEREIGN_AT)) {
            p = p.with(threshold.name(), Math.max(p.get(threshold), citizens));
        }
        // every one of them applies with a fresh key: the charter lets that many keys write in one period
        return p.with(org.phyle.core.tx.WriteQuota.ALL_GUESTS.name(), Math.max(p.get(org.phyle.core.tx.WriteQuota.ALL_GUESTS),
                Math.min(100_000_000, 2 * citizens)));
    }

    /**
     * N people apply with fresh keys and the founder admits them, in batches over HTTP from several client threads,
     * each batch waiting for its block; returns the new citizens' keys in admission order of their batches.
     */
    static List<SigningKey> admit(NodeClient client, Hash society, Hash charter, SigningKey founder, int count,
                                  int batch, int clients, BiConsumer<Long, Long> progress) throws Exception {
        AtomicLong admitted = new AtomicLong();
        AtomicLong nextBatch = new AtomicLong();
        int batches = (count + batch - 1) / batch;
        SigningKey[] keys = new SigningKey[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        int size = (int) Math.min(batch, count - b * batch);
                        List<byte[]> applies = new ArrayList<>(size);
                        List<Hash> ids = new ArrayList<>(size);
                        for (int i = 0; i < size; i++) {
                            SigningKey key = SigningKey.generate();
                            keys[(int) (b * batch + i)] = key;
                            byte[] envelope = sign(society, key, new CitizenshipTx.Apply("Citizen " + (b * batch + i),
                                    CitizenshipTx.Seeking.CITIZEN, charter, Optional.empty()), "a" + b + "-" + i);
                            applies.add(envelope);
                            ids.add(Hash.sha256(Jcs.canonicalize(org.phyle.crypto.StrictJson.parse(envelope)
                                    .get("payload"))));
                        }
                        check(client.submitBatch(array(applies), true), size);
                        List<byte[]> admits = new ArrayList<>(size);
                        for (int i = 0; i < size; i++) {
                            admits.add(sign(society, founder, new CitizenshipTx.Admit(ids.get(i)), "m" + b + "-" + i));
                        }
                        check(client.submitBatch(array(admits), true), size);
                        progress.accept(admitted.addAndGet(size), (long) count);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return Arrays.asList(keys);
    }

    static byte[] sign(Hash society, SigningKey key, TxBody body, String nonce) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, nonce, System.currentTimeMillis() + 55_000));
    }

    static byte[] array(List<byte[]> envelopes) {
        int size = 2 + envelopes.stream().mapToInt(e -> e.length + 1).sum();
        byte[] out = new byte[size];
        int pos = 0;
        out[pos++] = '[';
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) {
                out[pos++] = ',';
            }
            System.arraycopy(envelopes.get(i), 0, out, pos, envelopes.get(i).length);
            pos += envelopes.get(i).length;
        }
        out[pos++] = ']';
        return Arrays.copyOf(out, pos);
    }

    static void check(JsonNode answer, int expected) {
        if (answer.get("committed").asInt() != expected) {
            throw new IllegalStateException("a batch was not wholly committed: " + answer.get("results").get(0));
        }
    }

    static QueryTime time(NodeClient client, String query) {
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            client.getJson(query);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new QueryTime(query, sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

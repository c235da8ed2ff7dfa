package org.phyle.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.http.ApiServer;
import org.phyle.node.http.BatchItems;

/**
 * The CPU cost per byte of every class of rejected input, next to that of a valid transaction, through the code the
 * node runs on {@code POST /txs} and {@code POST /txs/batch} after reading the body (which the node stops reading at
 * its limit): the envelope check, strict UTF-8 and JSON, the field checks, did:key, RFC 8785 and the signature. Each
 * input is as large as its path lets it be, since a bound is what an attacker aims for. Run {@code main} for the table
 * of nanoseconds per byte and the ratio of each to the valid transaction's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RejectBench {
    static final int MAX_BYTES = 16384;
    static final Hash SOCIETY = Hash.sha256("reject bench".getBytes(StandardCharsets.UTF_8));

    @Param({"valid", "valid-large", "bad-signature", "long-did", "oversized", "long-label", "many-unknown-fields",
            "deep-nesting", "long-numbers", "escaped-strings", "duplicate-key-late", "bad-utf8-late", "not-an-object",
            "batch-of-empty-objects", "batch-of-short-objects", "batch-of-oversized-items", "batch-of-long-dids", "batch-malformed-late"})
    String input;

    TxDecoder decoder;
    byte[] bytes;
    boolean batch;

    @Setup(Level.Trial)
    public void setUp() {
        decoder = new TxDecoder(Catalog.TX_TYPES, SOCIETY, MAX_BYTES);
        bytes = input(input);
        batch = input.startsWith("batch");
    }

    /** The inputs, by name: each as large as the node reads for its path. */
    static byte[] input(String name) {
        SigningKey key = SigningKey.fromSeed(new byte[32]);
        int allowance = 2 * MAX_BYTES;
        String valid = tx(key, "a record", "");
        byte[] out = (switch (name) {
            case "valid" -> valid;
            case "valid-large" -> tx(key, "a large record", "x".repeat(4000));
            case "bad-signature" -> {
                String t = tx(key, "forged", "");
                int at = t.indexOf("\"signature\":\"") + 13 + 60; // in S, which stays below the group order
                yield t.substring(0, at) + (t.charAt(at) == 'A' ? 'B' : 'A') + t.substring(at + 1);
            }
            case "long-did" -> valid.replace(key.verifyingKey().did(), "did:key:z" + "2".repeat(allowance - valid.length() - 100));
            case "oversized" -> valid + " ".repeat(allowance + 1 - valid.length());
            case "long-label" -> valid.replace("\"a record\"", "\"" + "x".repeat(allowance - valid.length()) + "\"");
            case "many-unknown-fields" -> {
                StringBuilder b = new StringBuilder("{");
                for (int i = 0; b.length() < allowance - 40; i++) {
                    b.append("\"f").append(i).append("\":0,");
                }
                yield b + "\"payload\":{}}";
            }
            case "deep-nesting" -> {
                StringBuilder b = new StringBuilder();
                while (b.length() < allowance - 80) {
                    b.append("[".repeat(30)).append("]".repeat(30)).append(',');
                }
                yield "{\"payload\":[" + b + "0]}";
            }
            case "long-numbers" -> {
                StringBuilder b = new StringBuilder("{\"payload\":[");
                while (b.length() < allowance - 420) {
                    b.append("9".repeat(399)).append(',');
                }
                yield b + "0]}";
            }
            case "escaped-strings" -> "{\"payload\":\"" + "\\u00e9".repeat((allowance - 20) / 6) + "\"}";
            case "duplicate-key-late" -> "{\"payload\":{\"a\":\"" + "x".repeat(allowance - 40) + "\",\"a\":0}}";
            case "bad-utf8-late" -> "{\"payload\":\"" + "x".repeat(allowance - 20) + "\"}";
            case "not-an-object" -> " ".repeat(allowance - 10) + "[1]";
            case "batch-of-empty-objects" -> "[" + "{},".repeat(ApiServer.MAX_BATCH_TXS - 1) + "{}]";
            case "batch-of-short-objects" -> {
                String item = "{\"hello\":\"" + "x".repeat(BatchItems.MIN_ENVELOPE_CHARS - 12) + "\"}";
                yield "[" + (item + ",").repeat(ApiServer.MAX_BATCH_TXS - 1) + item + "]";
            }
            case "batch-of-oversized-items" -> "[" + ("{" + " ".repeat(allowance) + "},").repeat(200) + "{}]";
            case "batch-of-long-dids" -> {
                String item = valid.replace(key.verifyingKey().did(), "did:key:z" + "2".repeat(allowance - valid.length() - 100));
                yield "[" + (item + ",").repeat(200) + item + "]";
            }
            case "batch-malformed-late" -> "[" + (valid + ",").repeat(2000) + "}";
            default -> throw new IllegalArgumentException(name);
        }).getBytes(StandardCharsets.UTF_8);
        if (name.equals("bad-utf8-late")) {
            out[out.length - 3] = (byte) 0xff; // the last character of the string: not UTF-8
        }
        return out;
    }

    static String tx(SigningKey key, String label, String text) {
        return Jcs.canonicalString(TxSigner.sign(SOCIETY, key, new NotaryRecord(Hash.sha256(label.getBytes(
                StandardCharsets.UTF_8)), label, text.isEmpty() ? Optional.empty() : Optional.of(text)), "n1",
                4_000_000_000_000L));
    }

    @Benchmark
    public int decode() {
        if (batch) {
            List<String> items;
            try {
                items = BatchItems.split(bytes, ApiServer.MAX_BATCH_TXS);
            } catch (Rejection r) {
                return -1;
            }
            int ok = 0;
            for (String item : items) {
                try {
                    BatchItems.decode(decoder, item);
                    ok++;
                } catch (Rejection r) {
                    ok += r.code().hashCode() & 1;
                }
            }
            return ok;
        }
        try {
            return BatchItems.decodeAlone(decoder, bytes).entry().length;
        } catch (Rejection r) {
            return r.code().hashCode();
        }
    }

    /** Runs every input and prints nanoseconds per byte, and each input's ratio to the valid transaction's. */
    public static void main(String[] args) throws Exception {
        var options = new OptionsBuilder().include(RejectBench.class.getSimpleName()).build();
        Map<String, Double> nsPerOp = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            nsPerOp.put(r.getParams().getParam("input"), r.getPrimaryResult().getScore());
        }
        double validPerByte = nsPerOp.get("valid") / input("valid").length;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-26s %9s %12s %10s %8s", "input", "bytes", "ns", "ns/byte", "x valid"));
        for (var e : nsPerOp.entrySet()) {
            int size = input(e.getKey()).length;
            double perByte = e.getValue() / size;
            lines.add(String.format("%-26s %9d %12.0f %10.2f %8.3f", e.getKey(), size, e.getValue(), perByte,
                    perByte / validPerByte));
        }
        lines.forEach(System.out::println);
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
    }
}

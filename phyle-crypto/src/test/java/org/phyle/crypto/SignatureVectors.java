package org.phyle.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published Ed25519 vectors vendored under {@code src/test/resources/vectors/} (see the README there): the C2SP
 * CCTV edge-case set and Wycheproof's {@code ed25519_test.json}, read as (key, message, signature) triples with what
 * the ledger's signature rule (docs/signatures.md) expects of each.
 */
final class SignatureVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One vector and the verdict the pinned rule gives it. */
    record Vector(String name, byte[] key, byte[] message, byte[] signature, boolean expected, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Wycheproof vectors on which the ledger deliberately differs from Wycheproof's "result" field, with the reason.
     * Empty: on every Wycheproof Ed25519 vector the rule agrees with Wycheproof.
     */
    static final java.util.Map<Integer, String> WYCHEPROOF_DISAGREEMENTS = java.util.Map.of();

    private SignatureVectors() {
    }

    /**
     * The 914 CCTV vectors. The rule refuses a vector exactly when its flags say the public key is of low order
     * ({@code low_order_A}), has a low-order component ({@code low_order_component_A}: a mixed-order key) or is not
     * canonically encoded ({@code non_canonical_A}), or R is not canonically encoded ({@code non_canonical_R}). It
     * accepts every other vector, including those whose R has low order or a low-order component and those with a
     * {@code low_order_residue}, because it checks the cofactored equation. ({@code reencoded_k} vectors always have
     * a non-canonical point, so they are refused for that.)
     */
    static List<Vector> cctv() {
        JsonNode root = read("vectors/cctv-ed25519/ed25519vectors.json");
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : root) {
            Set<String> flags = new TreeSet<>();
            v.path("flags").forEach(f -> flags.add(f.asText()));
            String refusedFor = null;
            for (String flag : List.of("non_canonical_A", "low_order_A", "low_order_component_A", "non_canonical_R")) {
                if (flags.contains(flag)) {
                    refusedFor = flag;
                    break;
                }
            }
            vectors.add(new Vector("cctv #" + v.get("number").asInt() + " " + flags,
                    HEX.parseHex(v.get("key").asText()),
                    v.get("msg").asText().getBytes(StandardCharsets.UTF_8),
                    HEX.parseHex(v.get("sig").asText()),
                    refusedFor == null,
                    refusedFor == null ? "canonical prime-order A, canonical R, cofactored equation holds"
                            : "refused: " + refusedFor));
        }
        return vectors;
    }

    /** The Wycheproof vectors: expected valid exactly when "result" is "valid", except {@link #WYCHEPROOF_DISAGREEMENTS}. */
    static List<Vector> wycheproof() {
        JsonNode root = read("vectors/wycheproof/ed25519_test.json");
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            byte[] key = HEX.parseHex(group.get("publicKey").get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                int id = t.get("tcId").asInt();
                String result = t.get("result").asText();
                if (!result.equals("valid") && !result.equals("invalid")) {
                    throw new IllegalStateException("tcId " + id + " has result " + result
                            + ": decide the ledger's verdict and list it in WYCHEPROOF_DISAGREEMENTS");
                }
                boolean wycheproofValid = result.equals("valid");
                String disagreement = WYCHEPROOF_DISAGREEMENTS.get(id);
                vectors.add(new Vector("wycheproof tcId " + id + " " + t.get("flags") + " " + t.get("comment").asText(),
                        key, HEX.parseHex(t.get("msg").asText()), HEX.parseHex(t.get("sig").asText()),
                        disagreement == null ? wycheproofValid : !wycheproofValid,
                        disagreement == null ? "Wycheproof: " + result : disagreement));
            }
        }
        return vectors;
    }

    /** The single-signature verdict of the ledger: the key must validate, then the signature must verify. */
    static boolean singleVerdict(Vector v) {
        VerifyingKey key;
        try {
            key = VerifyingKey.fromBytes(v.key());
        } catch (InvalidKeyException e) {
            return false;
        }
        return key.verify(v.message(), v.signature());
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SignatureVectors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

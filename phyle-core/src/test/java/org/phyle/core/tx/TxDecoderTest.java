package org.phyle.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

class TxDecoderTest {
    static final Hash SOCIETY = Hash.sha256("society".getBytes());
    static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);
    static final NotaryRecord BODY = new NotaryRecord(Hash.sha256("doc".getBytes()), "A document", Optional.empty());
    final TxDecoder decoder = new TxDecoder(Catalog.TX_TYPES, SOCIETY, 16384);

    static ObjectNode envelope() {
        return TxSigner.sign(SOCIETY, KEY, BODY, "nonce-1", 1_900_000_000_000L);
    }

    static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Changes the payload and signs it again, so that only the change is wrong. */
    static ObjectNode resigned(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode payload = (ObjectNode) envelope().get("payload");
        change.accept(payload);
        return TxSigner.sign(payload, KEY);
    }

    void assertRejected(byte[] input, RejectionCode code, String messagePart) {
        assertThatThrownBy(() -> decoder.decode(input)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(code))
                .hasMessageContaining(messagePart);
    }

    @Test
    void aGoodEnvelopeDecodes() {
        ObjectNode env = envelope();
        VerifiedTx tx = decoder.decode(bytes(env));
        byte[] canonicalPayload = Jcs.canonicalize(env.get("payload"));
        assertThat(tx.id()).isEqualTo(Hash.sha256(canonicalPayload));
        assertThat(tx.entry()).isEqualTo(Jcs.canonicalize(env));
        assertThat(tx.leafHash()).isEqualTo(Merkle.leafHash(Jcs.canonicalize(env)));
        assertThat(tx.type()).isEqualTo("notary.record");
        assertThat(tx.society()).isEqualTo(SOCIETY);
        assertThat(tx.signer()).isEqualTo(KEY.verifyingKey());
        assertThat(tx.body()).isEqualTo(BODY);
        assertThat(tx.expires()).isEqualTo(1_900_000_000_000L);
    }

    @Test
    void whitespaceAndMemberOrderDoNotChangeTheIdOrEntry() throws Exception {
        ObjectNode env = envelope();
        byte[] pretty = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(env);
        VerifiedTx a = decoder.decode(bytes(env));
        VerifiedTx b = decoder.decode(pretty);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.entry()).isEqualTo(a.entry());
    }

    @Test
    void malformedJsonIsRefused() {
        assertRejected("{\"payload\":".getBytes(), TxCode.MALFORMED, "not JSON");
        assertRejected("[]".getBytes(), TxCode.MALFORMED, "must be a JSON object");
        assertRejected("{} {}".getBytes(), TxCode.MALFORMED, "not JSON");
        assertRejected(new byte[] {(byte) 0xff, '{', '}'}, TxCode.MALFORMED, "not JSON");
        String dup = new String(bytes(envelope()), StandardCharsets.UTF_8).replace("{\"payload\":",
                "{\"signature\":\"x\",\"payload\":");
        assertRejected(dup.getBytes(StandardCharsets.UTF_8), TxCode.MALFORMED, "not JSON");
    }

    @Test
    void missingFieldsAreNamed() {
        for (String field : new String[] {"type", "society", "signer", "nonce", "expires", "body"}) {
            assertRejected(bytes(resigned(p -> p.remove(field))), TxCode.MISSING_FIELD, field);
        }
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).remove("label"))), TxCode.MISSING_FIELD,
                "body.label");
        ObjectNode noSignature = envelope();
        noSignature.remove("signature");
        assertRejected(bytes(noSignature), TxCode.MISSING_FIELD, "signature");
    }

    @Test
    void unknownFieldsAndTypesAreRefused() {
        assertRejected(bytes(resigned(p -> p.put("extra", 1))), TxCode.UNKNOWN_FIELD, "extra");
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).put("colour", "red"))), TxCode.UNKNOWN_FIELD,
                "body has an unknown field 'colour'");
        ObjectNode env = envelope();
        env.put("comment", "hi");
        assertRejected(bytes(env), TxCode.UNKNOWN_FIELD, "comment");
        assertRejected(bytes(resigned(p -> p.put("type", "notary.erase"))), TxCode.UNKNOWN_TYPE, "notary.erase");
    }

    @Test
    void wrongTypesAndFormsAreRefused() {
        assertRejected(bytes(resigned(p -> p.put("expires", "soon"))), TxCode.MALFORMED, "expires must be an integer");
        assertRejected(bytes(resigned(p -> p.put("expires", 1.5))), TxCode.MALFORMED, "expires must be an integer");
        assertRejected(bytes(resigned(p -> p.put("expires", new BigInteger("9007199254740993")))), TxCode.MALFORMED,
                "expires must be between");
        assertRejected(bytes(resigned(p -> p.put("nonce", "has space"))), TxCode.MALFORMED, "nonce");
        assertRejected(bytes(resigned(p -> p.put("nonce", ""))), TxCode.MALFORMED, "nonce");
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).put("digest", "ABC"))), TxCode.MALFORMED,
                "body.digest must be 64 lowercase hex digits");
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).put("label", ""))), TxCode.MALFORMED,
                "body.label must have 1 to 200 characters");
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).put("label", "two\nlines"))),
                TxCode.MALFORMED, "single line");
        assertRejected(bytes(resigned(p -> ((ObjectNode) p.get("body")).put("text", "bell\u0007"))),
                TxCode.MALFORMED, "control character");
        assertRejected(bytes(resigned(p -> p.set("body", p.arrayNode()))), TxCode.MALFORMED, "body must be a JSON object");
    }

    @Test
    void aTransactionForAnotherSocietyIsVoid() {
        Hash other = Hash.sha256("other".getBytes());
        byte[] forOther = bytes(TxSigner.sign(other, KEY, BODY, "n", 1_900_000_000_000L));
        assertRejected(forOther, TxCode.WRONG_SOCIETY, other.hex());
    }

    @Test
    void badSignaturesAreRefused() {
        ObjectNode env = envelope();
        byte[] sig = Base64.getUrlDecoder().decode(env.get("signature").textValue());
        sig[10] ^= 1;
        env.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        assertRejected(bytes(env), TxCode.BAD_SIGNATURE, "does not verify");

        ObjectNode tampered = envelope();
        ((ObjectNode) tampered.get("payload").get("body")).put("label", "Another document");
        assertRejected(bytes(tampered), TxCode.BAD_SIGNATURE, "does not verify");

        ObjectNode otherSigner = envelope();
        ((ObjectNode) otherSigner.get("payload")).put("signer", SigningKey.fromSeed(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32}).did());
        assertRejected(bytes(otherSigner), TxCode.BAD_SIGNATURE, "does not verify");

        ObjectNode shortSig = envelope();
        shortSig.put("signature", "AAAA");
        assertRejected(bytes(shortSig), TxCode.MALFORMED, "signature must be an Ed25519 signature");
    }

    @Test
    void nonCanonicalSignaturesAreRefused() {
        // S + L verifies under a lax verifier; RFC 8032 requires S < L
        ObjectNode env = envelope();
        byte[] sig = Base64.getUrlDecoder().decode(env.get("signature").textValue());
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLe)).add(l);
        byte[] sPlusL = reverse(toFixed(s, 32));
        System.arraycopy(sPlusL, 0, sig, 32, 32);
        env.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        assertRejected(bytes(env), TxCode.BAD_SIGNATURE, "does not verify");

        // the 86th base64url character carries 4 bits that must be zero
        ObjectNode loose = envelope();
        String text = loose.get("signature").textValue();
        char last = text.charAt(85);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sloppy = alphabet.charAt(alphabet.indexOf(last) | 1);
        loose.put("signature", text.substring(0, 85) + sloppy);
        assertRejected(bytes(loose), TxCode.BAD_SIGNATURE, "not canonical");
    }

    @Test
    void smallOrderAndInvalidKeysAreRefused() {
        // the identity point (0, 1): small order; signatures by it would prove nothing
        byte[] identity = new byte[32];
        identity[0] = 1;
        String smallOrder = didOf(identity);
        assertRejected(bytes(resigned(p -> p.put("signer", smallOrder))), TxCode.INVALID_KEY, "small order");
        assertRejected(bytes(resigned(p -> p.put("signer", "did:web:example.com"))), TxCode.INVALID_KEY, "did:key");
        assertRejected(bytes(resigned(p -> p.put("signer", "did:key:z0OIl"))), TxCode.INVALID_KEY, "base58");
    }

    @Test
    void oversizedTransactionsAreRefused() {
        TxDecoder small = new TxDecoder(Catalog.TX_TYPES, SOCIETY, 1024);
        byte[] big = bytes(TxSigner.sign(SOCIETY, KEY, new NotaryRecord(BODY.digest(), "big",
                Optional.of("x".repeat(2000))), "n", 1_900_000_000_000L));
        assertThatThrownBy(() -> small.decode(big)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.TOO_LARGE));
        byte[] huge = new byte[5000];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> small.decode(huge)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.TOO_LARGE));
    }

    @Test
    void genesisTransactionsOnlyStartALedger() {
        assertRejected(bytes(resigned(p -> p.put("type", TxDecoder.GENESIS_TYPE))), TxCode.GENESIS_ONLY, "genesis");
        TxDecoder genesisDecoder = new TxDecoder(Catalog.TX_TYPES, null, 16384);
        assertThatThrownBy(() -> genesisDecoder.decode(bytes(envelope()))).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.GENESIS_ONLY));
    }

    private static String didOf(byte[] publicKey) {
        byte[] mc = new byte[34];
        mc[0] = (byte) 0xed;
        mc[1] = 0x01;
        System.arraycopy(publicKey, 0, mc, 2, 32);
        return "did:key:z" + org.phyle.crypto.Base58.encode(mc);
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private static byte[] toFixed(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int n = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - n, out, size - n, n);
        return out;
    }
}

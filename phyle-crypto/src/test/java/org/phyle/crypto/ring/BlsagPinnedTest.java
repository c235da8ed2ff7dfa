package org.phyle.crypto.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pinned outputs of this implementation (not external vectors: bLSAG over ristretto255 with these domain strings
 * has no published ones). Signatures go on the ledger and every node must verify them alike, so any change to the
 * hashes, domain strings, ring order or encodings must fail here first and be a deliberate, documented change
 * (docs/ring-signatures.md). The keys are SHA-512 of fixed labels reduced mod ℓ; the randomness is seeded.
 */
class BlsagPinnedTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CONTEXT = "building:test-territory/house-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MESSAGE = "approve".getBytes(StandardCharsets.UTF_8);

    private static RingKeyPair key(int i) throws NoSuchAlgorithmException {
        byte[] wide = MessageDigest.getInstance("SHA-512")
                .digest(("phyle ring test key " + i).getBytes(StandardCharsets.UTF_8));
        return RingKeyPair.fromSecret(Scalar.fromWideBytes(wide));
    }

    @Test
    void pinnedKeysTagAndSignature() throws Exception {
        List<RingKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(key(i));
        }
        Ring ring = Ring.sorted(keys.stream().map(RingKeyPair::publicKey).toList());
        assertThat(HEX.formatHex(ring.encode())).isEqualTo(PINNED_RING);
        RingKeyPair signer = keys.get(0);
        assertThat(HEX.formatHex(Blsag.linkingTag(signer, CONTEXT).encode())).isEqualTo(PINNED_TAG);
        BlsagSignature signature = Blsag.sign(MESSAGE, ring, signer, CONTEXT, new SeededRandom(42));
        assertThat(HEX.formatHex(signature.encode())).isEqualTo(PINNED_SIGNATURE);
        assertThat(Blsag.verify(MESSAGE, ring, CONTEXT, BlsagSignature.decode(HEX.parseHex(PINNED_SIGNATURE))))
                .isTrue();
    }

    private static final String PINNED_RING = "70199f5ea3a0cc61b0a6225d6482249db9bac311b91b287be5884eca63c6622a"
            + "8482f6d825821c7523f8329085af6c68891af12ead903dcc51667d0518bccc6b"
            + "885bae6cce7b3b49e16a5235c31cebcb83a53fcacbe436ed5845b8b9ad530772";
    private static final String PINNED_TAG = "c4565df5e6004c14c780c151d221ecd2db54058ac92f11a23967e1c41ab3452a";
    private static final String PINNED_SIGNATURE =
            "c4565df5e6004c14c780c151d221ecd2db54058ac92f11a23967e1c41ab3452a"
            + "367ac433729f29d61550a870cf100cee52b329e4a2012f7afc321a36ea561407"
            + "08cbdab2780d69569d983c2eaa2316467bfc69e3934bb3662b080dd2849a8b03"
            + "c24fbda8ba2e942b4b7231f1fc86c3e581651da6f1b79d372b3c7c107c645f01"
            + "7b1f6bb7c3139e392ca87c343e997f8fa7046e1dd944ffaeab9bf44b0516cc0a"; // I, c_0, s_0, s_1, s_2
}

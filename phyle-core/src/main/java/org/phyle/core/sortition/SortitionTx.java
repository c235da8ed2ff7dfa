package org.phyle.core.sortition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/** Draws by lot: a steward's request, the stewards' commit and reveal, and the node's VRF proof. */
public sealed interface SortitionTx extends TxBody {

    /** {@code sortition.request}: a steward asks for a draw of {@code size} from a pool. */
    record Request(Draw.Pool pool, int size, boolean stratify, String purpose) implements SortitionTx {
        public static final String TYPE = "sortition.request";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("pool", pool.json()).put("size", size)
                    .put("stratify", stratify).put("purpose", purpose);
        }

        static Request read(Fields f) {
            Draw.Pool pool = Draw.Pool.fromJson(f.line("pool", 1, 30));
            int size = (int) f.integer("size", 1, 10_001);
            boolean stratify = false;
            if (f.has("stratify")) {
                if (!f.value("stratify").isBoolean()) {
                    throw new Rejection(TxCode.MALFORMED, "body.stratify must be true or false");
                }
                stratify = f.value("stratify").booleanValue();
            }
            String purpose = f.line("purpose", 1, 200);
            f.end();
            return new Request(pool, size, stratify, purpose);
        }
    }

    /** {@code sortition.commit}: a steward commits to a secret: SHA-256("phyle-draw-commit:v1:" || draw || secret). */
    record Commit(Hash draw, Hash commitment) implements SortitionTx {
        public static final String TYPE = "sortition.commit";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("draw", draw.hex()).put("commitment", commitment.hex());
        }
    }

    /** {@code sortition.reveal}: the steward reveals the 32-byte secret (base64url). */
    record Reveal(Hash draw, byte[] secret) implements SortitionTx {
        public static final String TYPE = "sortition.reveal";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("draw", draw.hex()).put("secret", b64(secret));
        }
    }

    /** {@code sortition.prove}: the node's RFC 9381 VRF proof (80 bytes, base64url) on the draw's input. */
    record Prove(Hash draw, byte[] proof) implements SortitionTx {
        public static final String TYPE = "sortition.prove";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("draw", draw.hex()).put("proof", b64(proof));
        }
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] bytes(Fields f, String name, int length) {
        String s = f.base64Url(name, (length * 4 + 2) / 3, (length * 4 + 2) / 3, "unpadded base64url of " + length
                + " bytes");
        return Base64.getUrlDecoder().decode(s);
    }

    List<TxType> TYPES = List.of(
            new TxType(Request.TYPE, "A steward requests a draw by lot from a pool.", Request::read),
            new TxType(Commit.TYPE, "A steward commits to a secret for a draw.", f -> {
                Commit c = new Commit(f.hash("draw"), f.hash("commitment"));
                f.end();
                return c;
            }),
            new TxType(Reveal.TYPE, "A steward reveals the secret committed to.", f -> {
                Reveal r = new Reveal(f.hash("draw"), bytes(f, "secret", 32));
                f.end();
                return r;
            }),
            new TxType(Prove.TYPE, "The node proves a draw's randomness with its VRF.", f -> {
                Prove p = new Prove(f.hash("draw"), bytes(f, "proof", 80));
                f.end();
                return p;
            }));
}

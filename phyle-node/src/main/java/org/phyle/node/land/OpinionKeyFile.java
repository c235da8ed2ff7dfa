package org.phyle.node.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.Scalar;
import org.phyle.node.KeyFile;

/**
 * A resident's opinion key on disk, readable by its owner only: {@code {"kind": "phyle-opinion-key", "did": the
 * registering key's did, "public": the ristretto255 key, "secret": the scalar}}, base64url. By default it lives next to
 * the key file that registered it ({@code alice.key} → {@code alice.key.opinion}). The public key is checked against the
 * secret when the file is read.
 */
public final class OpinionKeyFile {
    private static final String KIND = "phyle-opinion-key";

    private OpinionKeyFile() {
    }

    /** Where the opinion key of a key file is kept by default: beside it. */
    public static Path besides(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".opinion");
    }

    public static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Writes a new opinion key file; refuses to overwrite an existing one. */
    public static void write(Path file, RingKeyPair pair, String did) {
        ObjectNode json = StrictJson.mapper().createObjectNode().put("kind", KIND).put("did", did)
                .put("public", b64(pair.publicKey().encode())).put("secret", b64(pair.secret().encode()));
        try {
            KeyFile.writePrivate(file, json.toPrettyString() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("opinion key file " + file + " already exists; not overwriting it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write opinion key file " + file, e);
        }
    }

    public static RingKeyPair read(Path file) {
        JsonNode json;
        try {
            json = StrictJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read opinion key file " + file + ": " + e.getMessage());
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalArgumentException("opinion key file " + file + " is not JSON: " + e.getMessage());
        }
        if (!KIND.equals(json.path("kind").asText()) || !json.path("secret").isTextual()) {
            throw new IllegalArgumentException("opinion key file " + file + " is not a " + KIND);
        }
        RingKeyPair pair;
        try {
            pair = RingKeyPair.fromSecret(Scalar.decode(Base64.getUrlDecoder().decode(json.get("secret").asText())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("opinion key file " + file + ": the secret is not a scalar");
        }
        if (json.has("public") && !b64(pair.publicKey().encode()).equals(json.get("public").asText())) {
            throw new IllegalArgumentException("opinion key file " + file + ": its public key does not match its "
                    + "secret");
        }
        return pair;
    }
}

package org.phyle.node.client;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random nonces for the transactions a client signs (the core draws no random numbers). */
public final class Nonces {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    /** A fresh random nonce: 16 bytes, base64url. */
    public static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

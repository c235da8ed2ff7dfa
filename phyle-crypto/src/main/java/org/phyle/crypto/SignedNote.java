package org.phyle.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The C2SP signed-note format (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, and
 * one line per signature, {@code "— <key name> <base64(key id || signature)>"}. Ed25519 signatures (type 0x01) only.
 */
public final class SignedNote {
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final byte ED25519 = 0x01;
    /** The spec asks verifiers to accept at least 16 signatures and to set a limit. */
    public static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /** A named Ed25519 key that signs notes. */
    public record Signer(String name, SigningKey key) {
        public Signer {
            checkKeyName(name);
        }

        public int keyId() {
            return SignedNote.keyId(name, key.verifyingKey());
        }

        public Verifier verifier() {
            return new Verifier(name, key.verifyingKey());
        }
    }

    /** A named Ed25519 public key that verifies notes; its text form is the C2SP verifier key. */
    public record Verifier(String name, VerifyingKey key) {
        public Verifier {
            checkKeyName(name);
        }

        public int keyId() {
            return SignedNote.keyId(name, key);
        }

        /** {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
        public String vkey() {
            byte[] typed = new byte[1 + VerifyingKey.SIZE];
            typed[0] = ED25519;
            System.arraycopy(key.bytes(), 0, typed, 1, VerifyingKey.SIZE);
            return name + "+" + String.format("%08x", keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
        }

        public static Verifier parse(String vkey) {
            // the name has no '+' and the id is hex, but the standard base64 of the key may contain '+'
            String[] parts = vkey.split("\\+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>");
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("verifier key is not base64: " + e.getMessage());
            }
            if (typed.length != 1 + VerifyingKey.SIZE || typed[0] != ED25519) {
                throw new IllegalArgumentException("verifier key is not an Ed25519 key");
            }
            Verifier verifier = new Verifier(parts[0], VerifyingKey.fromBytes(Arrays.copyOfRange(typed, 1, typed.length)));
            if (!parts[1].matches("[0-9a-fA-F]{8}") || Integer.parseUnsignedInt(parts[1], 16) != verifier.keyId()) {
                throw new IllegalArgumentException("verifier key id does not match its name and key");
            }
            return verifier;
        }
    }

    /** One signature line of a note. */
    public record Signature(String name, int keyId, byte[] signature) {
    }

    /** A note split into its text and signature lines; nothing verified yet. */
    public record Note(String text, List<Signature> signatures) {
        /**
         * True if this verifier's name and key id sign the text and every such signature verifies: one bad signature
         * by a known key voids the note, as the spec asks.
         */
        public boolean verifiedBy(Verifier verifier) {
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            boolean signed = false;
            for (Signature s : signatures) {
                if (s.name().equals(verifier.name()) && s.keyId() == verifier.keyId()) {
                    if (!verifier.key().verify(message, s.signature())) {
                        return false;
                    }
                    signed = true;
                }
            }
            return signed;
        }
    }

    /** Signs a text (which must end in a newline) and returns the whole note. */
    public static String sign(String text, Signer... signers) {
        checkText(text);
        StringBuilder note = new StringBuilder(text).append('\n');
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (Signer signer : signers) {
            byte[] sig = signer.key().sign(message);
            byte[] line = ByteBuffer.allocate(4 + sig.length).putInt(signer.keyId()).put(sig).array();
            note.append(SIGNATURE_PREFIX).append(signer.name()).append(' ')
                    .append(Base64.getEncoder().encodeToString(line)).append('\n');
        }
        return note.toString();
    }

    /** Splits a note into text and signature lines; throws IllegalArgumentException if it is not a note. */
    public static Note parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String block = note.substring(split + 2);
        if (!block.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException("signature line does not start with an em dash and a space");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("signature line is '— <name> <signature>'");
            }
            checkKeyName(parts[0]);
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signature is not base64");
            }
            if (!Base64.getEncoder().encodeToString(raw).equals(parts[1])) {
                throw new IllegalArgumentException("signature is not canonical, padded base64");
            }
            if (raw.length < 5) {
                throw new IllegalArgumentException("signature is too short");
            }
            ByteBuffer buf = ByteBuffer.wrap(raw);
            signatures.add(new Signature(parts[0], buf.getInt(), Arrays.copyOfRange(raw, 4, raw.length)));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES + " signatures");
        }
        return new Note(text, signatures);
    }

    /** Parses the note and returns its text if the verifier signed it; throws otherwise. */
    public static String open(String note, Verifier verifier) {
        Note parsed = parse(note);
        if (!parsed.verifiedBy(verifier)) {
            throw new IllegalArgumentException("note carries no valid signature by " + verifier.name());
        }
        return parsed.text();
    }

    static int keyId(String name, VerifyingKey key) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        Hash h = Hash.sha256(nameBytes, new byte[] {'\n', ED25519}, key.bytes());
        return ByteBuffer.wrap(h.bytes()).getInt();
    }

    private static void checkKeyName(String name) {
        // isSpaceChar covers the no-break spaces (U+00A0, U+2007, U+202F) that isWhitespace leaves out
        if (name == null || name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(Character::isWhitespace)
                || name.codePoints().anyMatch(Character::isSpaceChar)
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text ends with a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("note text has control characters");
        }
    }
}

package org.phyle.crypto;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet ("base58btc", multibase prefix 'z'). */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];
    /**
     * The longest text {@link #decode} accepts. Decoding costs time in the square of the length, and what this project
     * decodes is a few dozen characters (a did:key has 47); the bound keeps a hostile input from costing more than
     * about a millisecond.
     */
    public static final int MAX_DECODE_LENGTH = 1024;

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /** True if the character is a digit of base58btc. */
    public static boolean isDigit(char c) {
        return c < 128 && INDEX[c] >= 0;
    }

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // base-256 to base-58 by repeated division; inputs here are small (tens of bytes)
        byte[] number = Arrays.copyOfRange(input, zeros, input.length);
        char[] out = new char[input.length * 2];
        int pos = out.length;
        int start = 0;
        while (start < number.length) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            out[--pos] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            out[--pos] = ALPHABET[0];
        }
        return new String(out, pos, out.length - pos);
    }

    /**
     * Decodes base58btc; throws IllegalArgumentException naming the first bad character, or for a text longer than
     * {@link #MAX_DECODE_LENGTH} before looking at it.
     */
    public static byte[] decode(String input) {
        if (input.length() > MAX_DECODE_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_DECODE_LENGTH + " characters (" + input.length() + ")");
        }
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        byte[] number = new byte[input.length()];
        int length = 0; // number of significant bytes, stored little-endian
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58 character at position " + i + ": '" + c + "'");
            }
            int carry = digit;
            for (int j = 0; j < length; j++) {
                carry += (number[j] & 0xff) * 58;
                number[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                number[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + length];
        for (int j = 0; j < length; j++) {
            out[out.length - 1 - j] = number[j];
        }
        return out;
    }
}

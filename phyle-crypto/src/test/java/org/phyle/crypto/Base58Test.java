package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base58Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** draft-msporny-base58-03, section 5 (test vectors). */
    @Test
    void ietfDraftVectors() {
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
        assertThat(Base58.encode(HEX.parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
        assertThat(new String(Base58.decode("2NEpo7TZRRrLZSi2U"), StandardCharsets.US_ASCII)).isEqualTo("Hello World!");
        assertThat(Base58.decode("11233QC4")).isEqualTo(HEX.parseHex("0000287fb4cd"));
    }

    /** Bitcoin Core, src/test/data/base58_encode_decode.json. */
    @ParameterizedTest
    @CsvSource(delimiter = ',', value = {
            "'', ''",
            "61, 2g",
            "626262, a3gV",
            "636363, aPEr",
            "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
            "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
            "516b6fcd0f, ABnLTmg",
            "bf4f89001e670274dd, 3SEo3LWLoPntC",
            "572e4794, 3EFU7m",
            "ecac89cad93923c02321, EJDM8drfXA6uyA",
            "10c8511e, Rt5zm",
            "00000000000000000000, 1111111111",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000, "
                    + "1111111111111111111111111111111111111111",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000001, "
                    + "1111111111111111111111111111111111111112",
            "000111d38e5fc9071ffcd20b4a763cc9ae4f252bb4e48fd66a835e252ada93ff480d6dd43dc62a641155a5, "
                    + "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
            "271F359E, zzzzy",
            "271F359F, zzzzz",
            "271F35A0, 211111",
            "271F35A1, 211112"})
    void bitcoinCoreVectors(String hex, String base58) {
        byte[] bytes = HEX.parseHex(hex.toLowerCase());
        assertThat(Base58.encode(bytes)).isEqualTo(base58);
        assertThat(Base58.decode(base58)).isEqualTo(bytes);
    }

    @Test
    void bitcoinCoreVectorOfAllByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        String expected = "1cWB5HCBdLjAuqGGReWE3R3CguuwSjw6RHn39s2yuDRTS5NsBgNiFpWgAnEx6VQi8csexkgYw3mdYrMHr8x9i7aEwP"
                + "8kZ7vccXWqKDvGv3u1GxFKPuAkn8JCPPGDMf3vMMnbzm6Nh9zh1gcNsMvH3ZNLmP5fSG6DGbbi2tuwMWPthr4boWwCxf7ewSg"
                + "NQeacyozhKDDQQ1qL5fQFUW52QKUZDZ5fw3KXNQJMcNTcaB723LchjeKun7MuGW5qyCBZYzA1KjofN1gYBV3NqyhQJ3Ns746"
                + "GNuf9N2pQPmHz4xpnSrrfCvy6TVVz5d4PdrjeshsWQwpZsZGzvbdAdN8MKV5QsBDY";
        assertThat(Base58.encode(bytes)).isEqualTo(expected);
        assertThat(Base58.decode(expected)).isEqualTo(bytes);
    }

    @Test
    void singleBytesAndZeros() {
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
        assertThat(Base58.decode("1")).containsExactly(0);
        assertThat(Base58.encode(new byte[] {0, 0, 0})).isEqualTo("111");
        assertThat(Base58.encode(new byte[] {(byte) 0xff})).isEqualTo("5Q");
        assertThat(Base58.encode(new byte[] {0, 1})).isEqualTo("12");
        assertThat(Base58.encode(new byte[] {57})).isEqualTo("z");
        assertThat(Base58.encode(new byte[] {58})).isEqualTo("21");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "+", "/", "=", " ", "-", "é", "\u0000", "2NEpo7TZRRrLZSi2U "})
    void charactersOutsideTheAlphabetAreRejected(String bad) {
        assertThatThrownBy(() -> Base58.decode(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a base58 character");
        assertThatThrownBy(() -> Base58.decode("2NEpo" + bad + "7TZ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Independent definition: leading zero bytes become '1's, the rest is the big-endian number in base 58. */
    private static String reference(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder digits = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger radix = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(radix);
            digits.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return "1".repeat(zeros) + digits.reverse();
    }

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    /** Property over generated byte strings, with and without leading zero bytes; a failure names its seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTripsAndMatchesTheBigIntegerDefinition(long seed) {
        Random random = new Random(seed);
        int leadingZeros = random.nextInt(4) == 0 ? random.nextInt(6) : 0;
        byte[] input = new byte[leadingZeros + random.nextInt(81)];
        for (int i = leadingZeros; i < input.length; i++) {
            input[i] = (byte) random.nextInt(256);
        }
        String encoded = Base58.encode(input);
        assertThat(encoded).isEqualTo(reference(input));
        assertThat(Base58.decode(encoded)).isEqualTo(input);
    }

    /** Base58 without padding is a bijection: every string over the alphabet is the encoding of its decoding. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStringOverTheAlphabetDecodesAndReEncodesToItself(long seed) {
        Random random = new Random(seed);
        int length = random.nextInt(61);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(58)));
        }
        assertThat(Base58.encode(Base58.decode(s.toString()))).isEqualTo(s.toString());
    }

    /** Decoding costs the square of the length, so a text over the bound is refused before any of it is decoded. */
    @Test
    void aTextLongerThanTheBoundIsRefusedBeforeDecoding() {
        String longest = "2".repeat(Base58.MAX_DECODE_LENGTH);
        assertThat(Base58.decode(longest)).isNotEmpty();
        // a million digits would take minutes to decode; refused at once, and before the bad character is seen
        assertThatThrownBy(() -> Base58.decode("2".repeat(1_000_000) + "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than " + Base58.MAX_DECODE_LENGTH);
    }
}

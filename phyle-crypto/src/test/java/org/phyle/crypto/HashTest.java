package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashTest {

    /** FIPS 180-2 appendix B examples. */
    @Test
    void sha256KnownAnswers() {
        assertThat(Hash.sha256("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hash.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(Hash.sha256().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void partsAreConcatenated() {
        byte[] a = "ab".getBytes(StandardCharsets.US_ASCII);
        byte[] c = "c".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hash.sha256(a, c)).isEqualTo(Hash.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Hash.sha256((byte) 'a', "bc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Hash.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        // the digest is reset between uses on the same thread
        assertThat(Hash.sha256(a, c)).isEqualTo(Hash.sha256(a, c));
    }

    @Test
    void hexAndBase64RoundTrip() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
        Hash h = Hash.of(digest);
        assertThat(Hash.fromHex(h.hex())).isEqualTo(h);
        assertThat(Hash.fromHex(h.hex().toUpperCase())).isEqualTo(h);
        assertThat(Hash.fromBase64(h.base64())).isEqualTo(h);
        assertThat(h.toString()).isEqualTo(h.hex()).hasSize(64).matches("[0-9a-f]+");
        assertThat(h.base64()).hasSize(44).endsWith("=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
            "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            " 3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void malformedHexIsRejected(String hex) {
        assertThatThrownBy(() -> Hash.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullHexIsRejected() {
        assertThatThrownBy(() -> Hash.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 33, 64})
    void onlyThirtyTwoBytesAreAHash(int length) {
        assertThatThrownBy(() -> Hash.of(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashesAreImmutable() {
        byte[] bytes = new byte[32];
        Hash h = Hash.of(bytes);
        bytes[0] = 1;
        assertThat(h.bytes()[0]).isZero();
        h.bytes()[1] = 1;
        assertThat(h.bytes()[1]).isZero();
        assertThat(h).isEqualTo(Hash.of(new byte[32]));
    }

    @Test
    void equalityHashCodeAndUnsignedOrder() {
        byte[] low = new byte[32];
        byte[] high = new byte[32];
        high[0] = (byte) 0x80; // negative as a signed byte, but larger unsigned
        Hash a = Hash.of(low);
        Hash b = Hash.of(high);
        assertThat(a).isEqualTo(Hash.of(new byte[32])).hasSameHashCodeAs(Hash.of(new byte[32])).isNotEqualTo(b);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
        assertThat(a.compareTo(Hash.of(new byte[32]))).isZero();
        List<Hash> sorted = new ArrayList<>(List.of(b, a));
        Collections.sort(sorted);
        assertThat(sorted).containsExactly(a, b);
        assertThat(sorted.stream().map(Hash::hex).toList()).isSorted();
    }

    @Test
    void updateDigestFeedsTheBytes() throws Exception {
        Hash h = Hash.sha256(new byte[] {9});
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        h.updateDigest(md);
        assertThat(md.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(h.bytes()));
    }
}

package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The did:key form of Ed25519 keys: "did:key:z" + base58btc(0xed 0x01 || public key). */
class DidKeyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String TEST1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /**
     * The W3C CCG did:key test vectors, test-vectors/ed25519-x25519.json in github.com/w3c-ccg/did-method-key:
     * seed, the did, and the raw public key as publicKeyBase58.
     */
    static Stream<Arguments> w3cVectors() {
        return Stream.of(
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000000",
                        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
                        "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000001",
                        "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",
                        "6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000002",
                        "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf",
                        "8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000003",
                        "did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ",
                        "HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000004",
                        "did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL",
                        "J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x"));
    }

    @ParameterizedTest
    @MethodSource("w3cVectors")
    void seedGivesThePublishedDid(String seedHex, String did, String publicKeyBase58) {
        SigningKey key = SigningKey.fromSeed(HEX.parseHex(seedHex));
        assertThat(key.did()).isEqualTo(did);
        assertThat(key.verifyingKey().did()).isEqualTo(did);
        assertThat(Base58.encode(key.verifyingKey().bytes())).isEqualTo(publicKeyBase58);
    }

    @ParameterizedTest
    @MethodSource("w3cVectors")
    void publishedDidParsesToThePublishedKey(String seedHex, String did, String publicKeyBase58) {
        VerifyingKey key = VerifyingKey.fromDid(did);
        assertThat(key.bytes()).isEqualTo(Base58.decode(publicKeyBase58));
        assertThat(key.did()).isEqualTo(did);
        assertThat(key).isEqualTo(SigningKey.fromSeed(HEX.parseHex(seedHex)).verifyingKey());
    }

    /** Ed25519 did:key documents from the Hyperledger Aries (ACA-Py) test suite, did -> publicKeyBase58. */
    @ParameterizedTest
    @ValueSource(strings = {
            "did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th 8HH5gYEeNc3z7PYXmd54d4x6qAfCNrqQqEB3nS7Zfu7K",
            "did:key:z6Mkgg342Ycpuk263R9d8Aq6MUaxPn1DDeHyGo38EefXmgDL 3Dn1SJNPaCXcvvJvSbsFWP2xaCjMom3can8CQNhWrTRx"})
    void otherPublishedDidsAgreeWithTheirPublicKeys(String pair) {
        String[] parts = pair.split(" ");
        VerifyingKey key = VerifyingKey.fromBytes(Base58.decode(parts[1]));
        assertThat(key.did()).isEqualTo(parts[0]);
        assertThat(VerifyingKey.fromDid(parts[0])).isEqualTo(key);
    }

    @Test
    void didIsMulticodecEd25519PubInBase58btc() {
        VerifyingKey key = VerifyingKey.fromBytes(HEX.parseHex(TEST1_PUBLIC));
        assertThat(key.did()).startsWith("did:key:z6Mk").hasSize(56);
        byte[] decoded = Base58.decode(key.did().substring("did:key:z".length()));
        assertThat(decoded).hasSize(34).startsWith((byte) 0xed, (byte) 0x01);
        assertThat(Arrays.copyOfRange(decoded, 2, 34)).isEqualTo(HEX.parseHex(TEST1_PUBLIC));
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void didRoundTrips(long generatorSeed) {
        byte[] seed = new byte[32];
        new Random(generatorSeed).nextBytes(seed);
        VerifyingKey key = SigningKey.fromSeed(seed).verifyingKey();
        String did = key.did();
        assertThat(did).matches("did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}");
        VerifyingKey parsed = VerifyingKey.fromDid(did);
        assertThat(parsed).isEqualTo(key);
        assertThat(parsed.bytes()).isEqualTo(key.bytes());
    }

    private static String didOf(byte[] multicodecAndKey) {
        return "did:key:z" + Base58.encode(multicodecAndKey);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Arguments> rejectedDids() {
        String good = VerifyingKey.fromBytes(HEX.parseHex(TEST1_PUBLIC)).did();
        String body = good.substring("did:key:z".length());
        byte[] key = HEX.parseHex(TEST1_PUBLIC);
        byte[] ed = {(byte) 0xed, 0x01};
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("only the prefix", "did:key:z"),
                Arguments.of("another method", "did:web:z" + body),
                Arguments.of("upper-case scheme", "DID:key:z" + body),
                Arguments.of("multibase base58flickr, not base58btc", "did:key:Z" + body),
                Arguments.of("no multibase prefix", "did:key:" + body),
                Arguments.of("'0' is not base58", "did:key:z" + body.substring(0, 10) + "0" + body.substring(11)),
                Arguments.of("'O' is not base58", "did:key:z" + body.substring(0, 10) + "O" + body.substring(11)),
                Arguments.of("'I' is not base58", "did:key:z" + body.substring(0, 10) + "I" + body.substring(11)),
                Arguments.of("'l' is not base58", "did:key:z" + body.substring(0, 10) + "l" + body.substring(11)),
                Arguments.of("non-ASCII character", "did:key:z" + body.substring(0, 10) + "é" + body.substring(11)),
                Arguments.of("trailing space", good + " "),
                Arguments.of("fragment", good + "#" + body),
                Arguments.of("leading '1' (a zero byte) is not canonical", "did:key:z1" + body),
                Arguments.of("x25519-pub multicodec 0xec01", didOf(concat(new byte[] {(byte) 0xec, 0x01}, key))),
                Arguments.of("secp256k1-pub multicodec 0xe701", didOf(concat(new byte[] {(byte) 0xe7, 0x01}, key))),
                Arguments.of("multicodec without its second byte", didOf(concat(new byte[] {(byte) 0xed}, key))),
                Arguments.of("a 31-byte key", didOf(concat(ed, Arrays.copyOf(key, 31)))),
                Arguments.of("a 33-byte key", didOf(concat(ed, Arrays.copyOf(key, 33)))),
                Arguments.of("a small-order key (the identity)",
                        didOf(concat(ed, HEX.parseHex(Ed25519Test.SMALL_ORDER.get(0))))),
                Arguments.of("a million base58 digits (length checked before decoding)",
                        "did:key:z" + "2".repeat(1_000_000)),
                Arguments.of("one digit short", good.substring(0, good.length() - 1)),
                // W3C CCG did-key-test-suite, tests/mock.data.js: invalidKeyLengthDid, too short and too long
                Arguments.of("did-key-test-suite: too short", "did:key:zTjsVPtY"),
                Arguments.of("did-key-test-suite: too long", "did:key:z6MkA9MEcFWsoUVqj2zX6LACFaikLQ28"
                        + "i9WAsJnURDS3HLGKSkUbwUbiLH22ohgZ2BwgpQ6qC3VBTNV3pLhYDTVgR"),
                // an X25519 key agreement key from the W3C vectors: well-formed did:key, wrong key type
                Arguments.of("W3C X25519 did:key", "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedDids")
    void malformedDidIsAnInvalidKey(String why, String did) {
        assertThatThrownBy(() -> VerifyingKey.fromDid(did)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void nullDidIsAnInvalidKey() {
        assertThatThrownBy(() -> VerifyingKey.fromDid(null)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void didOfASmallOrderKeyIsRejectedEvenThoughItIsWellFormed() {
        // the bytes are a well-formed did:key, so the rejection is fromBytes's key validation
        byte[] identity = HEX.parseHex(Ed25519Test.SMALL_ORDER.get(0));
        String did = didOf(concat(new byte[] {(byte) 0xed, 0x01}, identity));
        assertThat(did).startsWith("did:key:z6Mk");
        assertThatThrownBy(() -> VerifyingKey.fromDid(did)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("not a valid Ed25519 public key");
    }

    @Test
    void everyEd25519DidHasTheFixedLength() {
        for (int seed = 0; seed < 200; seed++) {
            byte[] key = SigningKey.fromSeed(java.nio.ByteBuffer.allocate(32).putInt(seed).array()).verifyingKey().bytes();
            assertThat(VerifyingKey.didOf(key)).hasSize(VerifyingKey.DID_LENGTH);
        }
        byte[] all = new byte[32];
        java.util.Arrays.fill(all, (byte) 0xff);
        assertThat(VerifyingKey.didOf(all)).hasSize(VerifyingKey.DID_LENGTH);
        assertThat(VerifyingKey.didOf(new byte[32])).hasSize(VerifyingKey.DID_LENGTH);
    }

    @Test
    void anOverlongDidIsRefusedForItsLength() {
        assertThatThrownBy(() -> VerifyingKey.fromDid("did:key:z" + "2".repeat(100_000)))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("56 characters, not 100009");
    }
}

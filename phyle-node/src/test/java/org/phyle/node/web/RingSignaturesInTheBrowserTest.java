package org.phyle.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.SocietyView;
import org.phyle.core.land.BuildingTax;
import org.phyle.crypto.Hash;
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.BlsagSignature;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.RistrettoElement;
import org.phyle.crypto.ring.Scalar;
import org.phyle.node.TestNodes;

/**
 * The browser's ristretto255 and bLSAG (static/js/ristretto255.js, blsag.js, opinions.js), loaded as the pages load
 * them from a real node into Debian's Chromium, against RFC 9496 and against the Java implementation that every node
 * verifies with: the RFC's vectors, the signature pinned by phyle-crypto's BlsagPinnedTest byte for byte, signatures
 * crossing between the two in both directions, every tampered part refused, the linking tag's binding to the key
 * and the context, and the bytes of the land transactions.
 */
class RingSignaturesInTheBrowserTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The RFC 9496 appendix A vectors that phyle-crypto's RistrettoVectorsTest reads (see vectors/README.md). */
    private static final Path VECTORS = Path.of("..", "phyle-crypto", "src", "test", "resources", "vectors", "rfc9496",
            "ristretto255.txt");
    private static final String IMPORTS = "const g = await import('/static/js/ristretto255.js');\n"
            + "const b = await import('/static/js/blsag.js');\n"
            + "const x = await import('/static/js/bytes.js');\n";

    private static TestNodes.Running node;
    private static Playwright playwright;
    private static Browser browser;
    private static Page page;

    @BeforeAll
    static void start() {
        Chromium.executable();
        node = TestNodes.small();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        page = browser.newPage();
        page.navigate(node.url() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** Runs an async function body in the page with the modules imported and `arg` bound; returns its result. */
    private static Object run(String body, Object arg) {
        return page.evaluate("async (arg) => {\n" + IMPORTS + body + "\n}", arg);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static RingKeyPair key(String label) throws Exception {
        return RingKeyPair.fromSecret(Scalar.fromWideBytes(MessageDigest.getInstance("SHA-512")
                .digest(label.getBytes(StandardCharsets.UTF_8))));
    }

    /** The bytes SplittableRandom(seed) gives, as phyle-crypto's SeededRandom hands them to Blsag.sign. */
    private static final class Seeded extends SecureRandom {
        private final SplittableRandom random;

        Seeded(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }
    }

    @Test
    void everyRfc9496VectorHolds() throws IOException {
        Object result = run("""
                const sections = {}; let current = null;
                for (let line of arg.split('\\n')) {
                  line = line.trim();
                  if (!line || line.startsWith('#')) continue;
                  if (line.startsWith('[')) { current = []; sections[line.slice(1, line.indexOf(' '))] = current; }
                  else current.push(line);
                }
                const failures = []; const counts = {};
                sections['A.1'].forEach((hex, k) => {
                  let sum = g.IDENTITY;
                  for (let i = 0; i < k; i++) sum = g.addElements(sum, g.GENERATOR);
                  const ways = [g.multiplyGenerator(BigInt(k)), g.multiply(g.GENERATOR, BigInt(k)), sum];
                  for (const e of ways) if (x.toHex(g.encode(e)) !== hex) failures.push('A.1 ' + k);
                  const d = g.decode(x.fromHex(hex));
                  if (!g.equals(d, sum) || x.toHex(g.encode(d)) !== hex || g.isIdentity(d) !== (k === 0))
                    failures.push('A.1 decode ' + k);
                });
                counts['A.1'] = sections['A.1'].length;
                for (const hex of sections['A.2']) {
                  try { g.decode(x.fromHex(hex)); failures.push('A.2 accepted ' + hex); }
                  catch (e) { if (e.code !== 'NOT_RISTRETTO') failures.push('A.2 ' + e); }
                }
                counts['A.2'] = sections['A.2'].length;
                for (const line of sections['A.3']) {
                  const [input, output] = line.split(' ');
                  const e = g.fromUniformBytes(x.fromHex(input));
                  if (x.toHex(g.encode(e)) !== output || !g.equals(g.decode(x.fromHex(output)), e))
                    failures.push('A.3 ' + output);
                }
                counts['A.3'] = sections['A.3'].length;
                return { failures, counts };
                """, Files.readString(VECTORS, StandardCharsets.US_ASCII));
        assertThat(list(map(result).get("failures"))).isEmpty();
        assertThat(map(map(result).get("counts"))).containsEntry("A.1", 16).containsEntry("A.2", 29)
                .containsEntry("A.3", 11);
    }

    @Test
    void thePinnedSignatureIsReproducedByteForByte() throws Exception {
        // BlsagPinnedTest's keys ("phyle ring test key i"), context, message and randomness (SplittableRandom(42))
        byte[] random = new byte[64 * 3];
        new Seeded(42).nextBytes(random);
        Object result = run("""
                const keys = [];
                for (let i = 0; i < 3; i++) {
                  const d = new Uint8Array(await crypto.subtle.digest('SHA-512', x.utf8('phyle ring test key ' + i)));
                  keys.push(b.keyPairFromSecret(g.scalarFromWide(d)));
                }
                const ring = b.sortedRing(keys.map((k) => k.publicKey));
                const stream = x.fromHex(arg); let at = 0;
                const random = (n) => { const out = stream.slice(at, at + n); at += n; return out; };
                const context = x.utf8('building:test-territory/house-1');
                const message = x.utf8('approve');
                const signature = await b.sign(message, ring, keys[0], context, random);
                return { ring: ring.members.map(x.toHex).join(''), tag: x.toHex(await b.linkingTag(keys[0], context)),
                  signature: x.toHex(signature), used: at, verifies: await b.verify(message, ring, context, signature) };
                """, HEX.formatHex(random));
        Map<String, Object> r = map(result);
        // the constants of phyle-crypto's BlsagPinnedTest, copied
        assertThat(r.get("ring")).isEqualTo("70199f5ea3a0cc61b0a6225d6482249db9bac311b91b287be5884eca63c6622a"
                + "8482f6d825821c7523f8329085af6c68891af12ead903dcc51667d0518bccc6b"
                + "885bae6cce7b3b49e16a5235c31cebcb83a53fcacbe436ed5845b8b9ad530772");
        assertThat(r.get("tag")).isEqualTo("c4565df5e6004c14c780c151d221ecd2db54058ac92f11a23967e1c41ab3452a");
        String pinned = "c4565df5e6004c14c780c151d221ecd2db54058ac92f11a23967e1c41ab3452a"
                + "367ac433729f29d61550a870cf100cee52b329e4a2012f7afc321a36ea561407"
                + "08cbdab2780d69569d983c2eaa2316467bfc69e3934bb3662b080dd2849a8b03"
                + "c24fbda8ba2e942b4b7231f1fc86c3e581651da6f1b79d372b3c7c107c645f01"
                + "7b1f6bb7c3139e392ca87c343e997f8fa7046e1dd944ffaeab9bf44b0516cc0a";
        assertThat(r.get("signature")).isEqualTo(pinned);
        assertThat(r.get("used")).isEqualTo(64 * 3);
        assertThat(r.get("verifies")).isEqualTo(true);
        // and the Java implementation, with the same randomness, makes the same bytes today
        List<RingKeyPair> keys = List.of(key("phyle ring test key 0"), key("phyle ring test key 1"),
                key("phyle ring test key 2"));
        Ring ring = Ring.sorted(keys.stream().map(RingKeyPair::publicKey).toList());
        BlsagSignature java = Blsag.sign("approve".getBytes(StandardCharsets.UTF_8), ring, keys.get(0),
                "building:test-territory/house-1".getBytes(StandardCharsets.UTF_8), new Seeded(42));
        assertThat(HEX.formatHex(java.encode())).isEqualTo(pinned);
    }

    /** Five key pairs, their ring, and the secrets as hex for the page. */
    private record Five(List<RingKeyPair> keys, Ring ring, List<String> secrets) {
        static Five make(String label) throws Exception {
            List<RingKeyPair> keys = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RingKeyPair k = key(label + i);
                keys.add(k);
                secrets.add(HEX.formatHex(k.secret().encode()));
            }
            return new Five(keys, Ring.sorted(keys.stream().map(RingKeyPair::publicKey).toList()), secrets);
        }
    }

    @Test
    void signaturesCrossBetweenTheBrowserAndJava() throws Exception {
        Five five = Five.make("crossing ");
        byte[] context = "phyle/land/building/v1 crossing".getBytes(StandardCharsets.UTF_8);
        byte[] message = "disapprove".getBytes(StandardCharsets.UTF_8);
        BlsagSignature byJava = Blsag.sign(message, five.ring(), five.keys().get(3), context, new SecureRandom());
        Object result = run("""
                const keys = arg.secrets.map((s) => b.keyPairFromSecret(x.fromHex(s)));
                const ring = b.sortedRing(keys.map((k) => k.publicKey));
                const context = x.fromHex(arg.context); const message = x.fromHex(arg.message);
                const signature = await b.sign(message, ring, keys[1], context);
                return { signature: x.toHex(signature), ring: ring.members.map(x.toHex).join(''),
                  javaVerifies: await b.verify(message, ring, context, x.fromHex(arg.byJava)) };
                """, Map.of("secrets", five.secrets(), "context", HEX.formatHex(context), "message",
                HEX.formatHex(message), "byJava", HEX.formatHex(byJava.encode())));
        Map<String, Object> r = map(result);
        assertThat(r.get("ring")).isEqualTo(HEX.formatHex(five.ring().encode()));
        assertThat(r.get("javaVerifies")).as("the browser verifies Java's signature").isEqualTo(true);
        BlsagSignature byBrowser = BlsagSignature.decode(HEX.parseHex((String) r.get("signature")));
        assertThat(Blsag.verify(message, five.ring(), context, byBrowser)).as("Java verifies the browser's").isTrue();
        assertThat(byBrowser.linkingTag()).isEqualTo(Blsag.linkingTag(five.keys().get(1), context).encode());
        assertThat(Blsag.verify("approve".getBytes(StandardCharsets.UTF_8), five.ring(), context, byBrowser)).isFalse();
    }

    @Test
    void everyTamperedPartIsRefused() throws Exception {
        Five five = Five.make("tamper ");
        Object result = run("""
                const keys = arg.map((s) => b.keyPairFromSecret(x.fromHex(s)));
                const ring = b.sortedRing(keys.map((k) => k.publicKey));
                const context = x.utf8('building 7'); const message = x.utf8('approve');
                const signature = await b.sign(message, ring, keys[2], context);
                const verdicts = { valid: await b.verify(message, ring, context, signature) };
                for (let part = 0; part < 2 + ring.members.length; part++) {
                  const bad = signature.slice(); bad[32 * part + 5] ^= 0x01;
                  verdicts['part' + part] = await b.verify(message, ring, context, bad);
                }
                verdicts.message = await b.verify(x.utf8('disapprove'), ring, context, signature);
                verdicts.context = await b.verify(message, ring, x.utf8('building 8'), signature);
                const other = b.generateKeyPair();
                const swapped = b.sortedRing([...keys.slice(0, 4).map((k) => k.publicKey), other.publicKey]);
                verdicts.ring = await b.verify(message, swapped, context, signature);
                const smaller = b.sortedRing(keys.slice(1).map((k) => k.publicKey));
                verdicts.smallerRing = await b.verify(message, smaller, context, signature);
                verdicts.truncated = await b.verify(message, ring, context, signature.slice(0, signature.length - 32));
                verdicts.extended = await b.verify(message, ring, context, x.concat(signature, new Uint8Array(32)));
                const identityTag = signature.slice(); identityTag.fill(0, 0, 32);
                verdicts.identityTag = await b.verify(message, ring, context, identityTag);
                const bigScalar = signature.slice(); bigScalar.fill(0xff, 64, 96);
                verdicts.scalarNotCanonical = await b.verify(message, ring, context, bigScalar);
                const codes = [];
                const refuse = (f) => { try { f(); codes.push('accepted'); } catch (e) { codes.push(e.code); } };
                refuse(() => b.ringOf([...ring.members].reverse()));
                refuse(() => b.ringOf([ring.members[0], ring.members[0]]));
                refuse(() => b.ringOf([new Uint8Array(32)]));
                refuse(() => b.ringOf([]));
                refuse(() => b.ringOf([x.fromHex('ff'.repeat(32))]));
                refuse(() => b.keyPairFromSecret(0n));
                let notMember = null;
                try { await b.sign(message, ring, other, context); } catch (e) { notMember = e.code; }
                let noContext = null;
                try { await b.sign(message, ring, keys[0], new Uint8Array(0)); } catch (e) { noContext = e.code; }
                return { verdicts, codes, notMember, noContext };
                """, five.secrets());
        Map<String, Object> r = map(result);
        Map<String, Object> verdicts = map(r.get("verdicts"));
        assertThat(verdicts.remove("valid")).isEqualTo(true);
        assertThat(verdicts).hasSize(2 + 5 + 8).allSatisfy((part, verdict) -> assertThat(verdict).as(part)
                .isEqualTo(false));
        assertThat(list(r.get("codes"))).containsExactly("RING_NOT_CANONICAL", "RING_DUPLICATE_MEMBER",
                "RING_MEMBER_IDENTITY", "RING_EMPTY", "RING_MEMBER_INVALID", "SECRET_ZERO");
        assertThat(r.get("notMember")).isEqualTo("SIGNER_NOT_IN_RING");
        assertThat(r.get("noContext")).isEqualTo("CONTEXT_INVALID");
    }

    @Test
    void theTagIsBoundToTheKeyAndTheContext() throws Exception {
        Five five = Five.make("tags ");
        Object result = run("""
                const keys = arg.map((s) => b.keyPairFromSecret(x.fromHex(s)));
                const ring = b.sortedRing(keys.map((k) => k.publicKey));
                const here = x.utf8('building 1'); const there = x.utf8('building 2');
                const approve = await b.sign(x.utf8('approve'), ring, keys[0], here);
                const withdraw = await b.sign(x.utf8('withdraw'), ring, keys[0], here);
                const elsewhere = await b.sign(x.utf8('approve'), ring, keys[0], there);
                const someoneElse = await b.sign(x.utf8('approve'), ring, keys[1], here);
                return [approve, withdraw, elsewhere, someoneElse].map((s) => x.toHex(b.tagOf(s)))
                  .concat([x.toHex(await b.linkingTag(keys[0], here))]);
                """, five.secrets());
        List<Object> tags = list(result);
        assertThat(tags.get(0)).as("two messages, one key, one context").isEqualTo(tags.get(1));
        assertThat(tags.get(2)).as("another context").isNotEqualTo(tags.get(0));
        assertThat(tags.get(3)).as("another key").isNotEqualTo(tags.get(0));
        assertThat(tags.get(4)).isEqualTo(tags.get(0));
        assertThat(tags.get(0)).isEqualTo(HEX.formatHex(Blsag.linkingTag(five.keys().get(0),
                "building 1".getBytes(StandardCharsets.UTF_8)).encode()));
    }

    @Test
    void theLandTransactionsSignTheCoresBytes() throws Exception {
        Hash society = node.node.read(SocietyView::id);
        String did = "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH";
        Object result = page.evaluate("async (arg) => {\n"
                + "const o = await import('/static/js/opinions.js');\n"
                + "const b = await import('/static/js/blsag.js');\n"
                + "const x = await import('/static/js/bytes.js');\n"
                + "const key = b.generateKeyPair();\n"
                + "return { context: x.toHex(o.context(arg.society, 3)),\n"
                + "  message: x.toHex(o.message(arg.society, 3, 123456, 7, 'disapprove')),\n"
                + "  proofContext: x.toHex(o.keyProofContext(arg.society)),\n"
                + "  proofMessage: x.toHex(o.keyProofMessage(arg.society, arg.did)),\n"
                + "  body: await o.opinionKeyBody(arg.society, arg.did, key) };\n"
                + "}", Map.of("society", society.toString(), "did", did));
        Map<String, Object> r = map(result);
        assertThat(r.get("context")).isEqualTo(HEX.formatHex(BuildingTax.context(society, 3)));
        assertThat(r.get("message")).isEqualTo(HEX.formatHex(BuildingTax.message(society, 3, 123456, 7,
                BuildingTax.Opinion.DISAPPROVE)));
        assertThat(r.get("proofContext")).isEqualTo(HEX.formatHex(BuildingTax.keyProofContext(society)));
        assertThat(r.get("proofMessage")).isEqualTo(HEX.formatHex(BuildingTax.keyProofMessage(society, did)));
        // the opinion key's proof of possession verifies as the core verifies it
        Map<String, Object> body = map(r.get("body"));
        RistrettoElement key = RistrettoElement.decode(Base64.getUrlDecoder().decode((String) body.get("key")));
        BlsagSignature proof = BlsagSignature.decode(Base64.getUrlDecoder().decode((String) body.get("proof")));
        assertThat(Blsag.verify(BuildingTax.keyProofMessage(society, did), Ring.of(List.of(key)),
                BuildingTax.keyProofContext(society), proof)).isTrue();
        assertThat(Blsag.verify(BuildingTax.keyProofMessage(society, did + "x"), Ring.of(List.of(key)),
                BuildingTax.keyProofContext(society), proof)).isFalse();
    }

    /** Not an assertion of speed (that is for benchmarks): the figure for docs/performance.md, printed once. */
    @Test
    void timeRingsOfTenAndAHundred() {
        Object result = run("""
                const out = {};
                for (const n of [10, 100]) {
                  const keys = Array.from({ length: n }, () => b.generateKeyPair());
                  const ring = b.sortedRing(keys.map((k) => k.publicKey));
                  const context = x.utf8('timing'); const message = x.utf8('approve');
                  const t0 = performance.now();
                  const s = await b.sign(message, ring, keys[n >> 1], context);
                  const t1 = performance.now();
                  const ok = await b.verify(message, ring, context, s);
                  const t2 = performance.now();
                  out[n] = { sign: Math.round(t1 - t0), verify: Math.round(t2 - t1), ok };
                }
                return out;
                """, null);
        System.out.println("bLSAG in Chromium (BigInt, WebCrypto SHA-512), ms: " + result);
        assertThat(map(map(result).get("100")).get("ok")).isEqualTo(true);
        assertThat(map(map(result).get("10")).get("ok")).isEqualTo(true);
    }
}

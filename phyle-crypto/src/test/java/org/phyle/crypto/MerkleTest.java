package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9162 Merkle trees, checked against a naive implementation of the RFC's recursive definitions (sections
 * 2.1.1, 2.1.3.1 and 2.1.4.1) over raw entries, against the Certificate Transparency test vectors, and by tampering.
 */
class MerkleTest {
    private static final HexFormat HEX = HexFormat.of();

    // ---------------------------------------------------------------------------------------------------------
    // The naive reference: MTH, PATH and PROOF/SUBPROOF exactly as the RFC writes them, on byte arrays.

    static final class Naive {
        private final List<byte[]> entries;

        Naive(List<byte[]> entries) {
            this.entries = entries;
        }

        private static byte[] sha256(byte[]... parts) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (byte[] p : parts) {
                    md.update(p);
                }
                return md.digest();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        /** The largest power of two smaller than n, for n > 1. */
        private static int k(int n) {
            int k = 1;
            while (2 * k < n) {
                k *= 2;
            }
            return k;
        }

        /** MTH(D[from:to]). */
        byte[] mth(int from, int to) {
            int n = to - from;
            if (n == 0) {
                return sha256();
            }
            if (n == 1) {
                return sha256(new byte[] {0x00}, entries.get(from));
            }
            int k = k(n);
            return sha256(new byte[] {0x01}, mth(from, from + k), mth(from + k, to));
        }

        /** PATH(m, D[from:to]), m relative to from. */
        List<byte[]> path(int m, int from, int to) {
            int n = to - from;
            if (n == 1) {
                return new ArrayList<>();
            }
            int k = k(n);
            List<byte[]> p;
            if (m < k) {
                p = path(m, from, from + k);
                p.add(mth(from + k, to));
            } else {
                p = path(m - k, from + k, to);
                p.add(mth(from, from + k));
            }
            return p;
        }

        /** The length of PATH(m, D[n]) from the recursion's shape alone, or -1 if m is not a leaf of D[n]. */
        int pathLengthOrMinusOne(int m, int n) {
            if (m < 0 || m >= n) {
                return -1;
            }
            int length = 0;
            while (n > 1) {
                int k = k(n);
                if (m >= k) {
                    m -= k;
                    n -= k;
                } else {
                    n = k;
                }
                length++;
            }
            return length;
        }

        /** The length of PROOF(m, D[n]) from the recursion's shape alone, or -1 if m > n. */
        int proofLengthOrMinusOne(int m, int n) {
            if (m < 0 || m > n) {
                return -1;
            }
            return 0 < m && m < n ? subproofLength(m, n, true) : 0;
        }

        private static int subproofLength(int m, int n, boolean b) {
            if (m == n) {
                return b ? 0 : 1;
            }
            int k = k(n);
            return 1 + (m <= k ? subproofLength(m, k, b) : subproofLength(m - k, n - k, false));
        }

        /** PROOF(m, D[0:n]). */
        List<byte[]> proof(int m, int n) {
            return 0 < m && m < n ? subproof(m, 0, n, true) : new ArrayList<>();
        }

        /** SUBPROOF(m, D[from:to], b), m relative to from. */
        private List<byte[]> subproof(int m, int from, int to, boolean b) {
            int n = to - from;
            if (m == n) {
                List<byte[]> p = new ArrayList<>();
                if (!b) {
                    p.add(mth(from, to));
                }
                return p;
            }
            int k = k(n);
            List<byte[]> p;
            if (m <= k) {
                p = subproof(m, from, from + k, b);
                p.add(mth(from + k, to));
            } else {
                p = subproof(m - k, from + k, to, false);
                p.add(mth(from, from + k));
            }
            return p;
        }
    }

    private static void assertSameHashes(List<Hash> actual, List<byte[]> expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).bytes()).as("%s, element %d", what, i).isEqualTo(expected.get(i));
        }
    }

    /** Distinct entries, so that no two leaves of a tree share a hash. */
    private static List<byte[]> entries(int n, long salt) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(("entry " + salt + "/" + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static MerkleTree tree(List<byte[]> entries) {
        MerkleTree tree = new MerkleTree();
        entries.forEach(tree::appendEntry);
        return tree;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Certificate Transparency test vectors: github.com/transparency-dev/merkle, proof/verify_test.go (the same data
    // as google/certificate-transparency's merkle tree tests). Leaf indexes there are 1-based; here 0-based.

    static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** MTH(D[n]) for n = 1..8. */
    static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<Hash> hashes(String... hex) {
        return java.util.Arrays.stream(hex).map(Hash::fromHex).toList();
    }

    @Test
    void emptyRootIsTheHashOfTheEmptyString() {
        assertThat(Merkle.EMPTY_ROOT.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleTree().root()).isEqualTo(Merkle.EMPTY_ROOT);
        assertThat(new MerkleAccumulator().root()).isEqualTo(Merkle.EMPTY_ROOT);
        assertThat(Merkle.root((level, index) -> {
            throw new AssertionError("the empty tree reads no nodes");
        }, 0)).isEqualTo(Merkle.EMPTY_ROOT);
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        assertThat(Merkle.leafHash(new byte[0]).hex()).isEqualTo(CT_ROOTS.get(0)); // SHA-256(0x00)
        Hash a = Merkle.leafHash("a".getBytes(StandardCharsets.UTF_8));
        Hash b = Merkle.leafHash("b".getBytes(StandardCharsets.UTF_8));
        byte[] concatenated = new byte[64];
        System.arraycopy(a.bytes(), 0, concatenated, 0, 32);
        System.arraycopy(b.bytes(), 0, concatenated, 32, 32);
        assertThat(Merkle.nodeHash(a, b)).isNotEqualTo(Merkle.leafHash(concatenated))
                .isEqualTo(Hash.sha256(new byte[] {1}, concatenated))
                .isNotEqualTo(Merkle.nodeHash(b, a));
    }

    @Test
    void certificateTransparencyRoots() {
        MerkleTree tree = new MerkleTree();
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (int n = 1; n <= 8; n++) {
            tree.appendEntry(CT_LEAVES.get(n - 1));
            accumulator.append(Merkle.leafHash(CT_LEAVES.get(n - 1)));
            assertThat(tree.root().hex()).as("root of size %d", n).isEqualTo(CT_ROOTS.get(n - 1));
            assertThat(accumulator.root().hex()).as("accumulated root of size %d", n).isEqualTo(CT_ROOTS.get(n - 1));
        }
        for (int n = 1; n <= 8; n++) {
            assertThat(tree.root(n).hex()).as("root(%d) of the full tree", n).isEqualTo(CT_ROOTS.get(n - 1));
            assertThat(new Naive(CT_LEAVES).mth(0, n)).as("the naive reference agrees")
                    .isEqualTo(HEX.parseHex(CT_ROOTS.get(n - 1)));
        }
    }

    @Test
    void certificateTransparencyInclusionProofs() {
        MerkleTree tree = tree(CT_LEAVES);
        record Case(int index, int size, List<Hash> proof) {
        }
        List<Case> cases = List.of(
                new Case(0, 1, List.of()),
                new Case(0, 8, hashes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Case(5, 8, hashes(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Case(2, 3, hashes(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                new Case(1, 5, hashes(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
        for (Case c : cases) {
            assertThat(tree.inclusionProof(c.index(), c.size())).as("PATH(%d, D[%d])", c.index(), c.size())
                    .isEqualTo(c.proof());
            Hash leaf = Merkle.leafHash(CT_LEAVES.get(c.index()));
            Hash root = Hash.fromHex(CT_ROOTS.get(c.size() - 1));
            assertThat(Merkle.verifyInclusion(leaf, c.index(), c.size(), c.proof(), root)).isTrue();
        }
    }

    @Test
    void certificateTransparencyConsistencyProofs() {
        MerkleTree tree = tree(CT_LEAVES);
        record Case(int m, int n, List<Hash> proof) {
        }
        List<Case> cases = List.of(
                new Case(1, 1, List.of()),
                new Case(1, 8, hashes(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Case(6, 8, hashes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Case(2, 5, hashes(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                new Case(6, 7, hashes(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
        for (Case c : cases) {
            assertThat(tree.consistencyProof(c.m(), c.n())).as("PROOF(%d, D[%d])", c.m(), c.n()).isEqualTo(c.proof());
            Hash rootM = Hash.fromHex(CT_ROOTS.get(c.m() - 1));
            Hash rootN = Hash.fromHex(CT_ROOTS.get(c.n() - 1));
            assertThat(Merkle.verifyConsistency(c.m(), c.n(), rootM, rootN, c.proof())).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Against the naive reference.

    @Test
    void rootOfEverySizeUpTo300MatchesTheReference() {
        List<byte[]> all = entries(300, 7);
        // include an empty entry and duplicates: the tree hashes entries, it does not care what they are
        all.set(3, new byte[0]);
        all.set(200, all.get(100));
        Naive naive = new Naive(all);
        MerkleTree tree = new MerkleTree();
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (int n = 1; n <= all.size(); n++) {
            tree.appendEntry(all.get(n - 1));
            accumulator.append(Merkle.leafHash(all.get(n - 1)));
            byte[] expected = naive.mth(0, n);
            assertThat(tree.size()).isEqualTo(n);
            assertThat(tree.root().bytes()).as("root of size %d", n).isEqualTo(expected);
            assertThat(accumulator.size()).isEqualTo(n);
            assertThat(accumulator.root().bytes()).as("accumulated root of size %d", n).isEqualTo(expected);
        }
        for (int n = 0; n <= all.size(); n++) {
            assertThat(tree.root(n).bytes()).as("root(%d) of the full tree", n).isEqualTo(naive.mth(0, n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {511, 512, 513, 1000, 1023, 1024, 1025, 2049, 4097})
    void largerTreesMatchTheReference(int n) {
        List<byte[]> all = entries(n, n);
        Naive naive = new Naive(all);
        MerkleTree tree = tree(all);
        MerkleAccumulator accumulator = new MerkleAccumulator();
        all.forEach(e -> accumulator.append(Merkle.leafHash(e)));
        assertThat(tree.root().bytes()).isEqualTo(naive.mth(0, n));
        assertThat(accumulator.root()).isEqualTo(tree.root());
        Random random = new Random(n);
        for (int i = 0; i < 20; i++) {
            int size = 1 + random.nextInt(n);
            int index = random.nextInt(size);
            int m = random.nextInt(size + 1);
            assertSameHashes(tree.inclusionProof(index, size), naive.path(index, 0, size),
                    "PATH(" + index + ", D[" + size + "])");
            assertSameHashes(tree.consistencyProof(m, size), naive.proof(m, size), "PROOF(" + m + ", D[" + size + "])");
            assertThat(Merkle.verifyInclusion(Merkle.leafHash(all.get(index)), index, size,
                    tree.inclusionProof(index, size), tree.root(size))).isTrue();
            assertThat(Merkle.verifyConsistency(m, size, tree.root(m), tree.root(size), tree.consistencyProof(m, size)))
                    .isTrue();
        }
    }

    /** Every (index, size) up to 64 leaves: the proof is the RFC's PATH, it verifies, and tampering fails. */
    @Test
    void everyInclusionProofUpTo64Leaves() {
        List<byte[]> all = entries(64, 1);
        Naive naive = new Naive(all);
        MerkleTree tree = tree(all);
        int checked = 0;
        for (int size = 1; size <= 64; size++) {
            Hash root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<Hash> proof = tree.inclusionProof(index, size);
                assertSameHashes(proof, naive.path(index, 0, size), "PATH(" + index + ", D[" + size + "])");
                assertInclusionVerifiesAndTamperingFails(all, naive, index, size, proof, root);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(64 * 65 / 2);
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    /** Random (index, size) beyond 64 leaves; a failure names the seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomInclusionProofsBeyond64Leaves(long seed) {
        Random random = new Random(seed);
        int n = 65 + random.nextInt(700);
        List<byte[]> all = entries(n, seed);
        Naive naive = new Naive(all);
        MerkleTree tree = tree(all);
        for (int i = 0; i < 10; i++) {
            int size = 65 + random.nextInt(n - 64);
            int index = random.nextInt(5) == 0 ? size - 1 : random.nextInt(size);
            List<Hash> proof = tree.inclusionProof(index, size);
            assertSameHashes(proof, naive.path(index, 0, size), "PATH(" + index + ", D[" + size + "])");
            assertInclusionVerifiesAndTamperingFails(all, naive, index, size, proof, tree.root(size));
        }
    }

    private static void assertInclusionVerifiesAndTamperingFails(List<byte[]> all, Naive naive, int index, int size,
            List<Hash> proof, Hash root) {
        String at = "leaf " + index + " of " + size;
        Hash leaf = Merkle.leafHash(all.get(index));
        assertThat(Merkle.verifyInclusion(leaf, index, size, proof, root)).as(at).isTrue();

        // a flipped bit anywhere in the proof, the leaf or the root
        for (int i = 0; i < proof.size(); i++) {
            List<Hash> bad = new ArrayList<>(proof);
            bad.set(i, flip(proof.get(i), i));
            assertThat(Merkle.verifyInclusion(leaf, index, size, bad, root)).as(at + ", element %d flipped", i).isFalse();
        }
        assertThat(Merkle.verifyInclusion(flip(leaf, index), index, size, proof, root)).as(at + ", leaf").isFalse();
        assertThat(Merkle.verifyInclusion(leaf, index, size, proof, flip(root, size))).as(at + ", root").isFalse();
        // the entry hashed as a node, or another entry
        if (size > 1) {
            Hash other = Merkle.leafHash(all.get((index + 1) % size));
            assertThat(Merkle.verifyInclusion(other, index, size, proof, root)).as(at + ", other leaf").isFalse();
        }
        // another index: a proof names one position in the tree
        for (int wrong : new int[] {index - 1, index + 1, index ^ 1, index ^ 2, index ^ 4, size, -1}) {
            if (wrong != index) {
                assertThat(Merkle.verifyInclusion(leaf, wrong, size, proof, root)).as(at + ", as index %d", wrong)
                        .isFalse();
            }
        }
        // another size: whenever that tree's path has another length, the same proof cannot fit it
        for (int wrong : new int[] {size - 1, size + 1, size * 2, size / 2, index, 0}) {
            if (wrong != size && (wrong <= index || naive.pathLengthOrMinusOne(index, wrong) != proof.size())) {
                assertThat(Merkle.verifyInclusion(leaf, index, wrong, proof, root)).as(at + ", as size %d", wrong)
                        .isFalse();
            }
        }
        // one element too many or too few, anywhere
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(Merkle.verifyInclusion(leaf, index, size, longer, root)).as(at + ", appended").isFalse();
        List<Hash> prefixed = new ArrayList<>(proof);
        prefixed.add(0, leaf);
        assertThat(Merkle.verifyInclusion(leaf, index, size, prefixed, root)).as(at + ", prepended").isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<Hash> shorter = new ArrayList<>(proof);
            shorter.remove(i);
            assertThat(Merkle.verifyInclusion(leaf, index, size, shorter, root)).as(at + ", without %d", i).isFalse();
        }
        if (proof.size() > 1) {
            List<Hash> swapped = new ArrayList<>(proof);
            java.util.Collections.swap(swapped, 0, 1);
            assertThat(Merkle.verifyInclusion(leaf, index, size, swapped, root)).as(at + ", swapped").isFalse();
        }
    }

    private static Hash flip(Hash h, int which) {
        byte[] b = h.bytes();
        b[Math.floorMod(which, 32)] ^= (byte) (1 << Math.floorMod(which, 8));
        return Hash.of(b);
    }

    /** Every (m, n) with 0 <= m <= n <= 64: the proof is the RFC's PROOF, it verifies, and tampering fails. */
    @Test
    void everyConsistencyProofUpTo64Leaves() {
        List<byte[]> all = entries(64, 2);
        Naive naive = new Naive(all);
        MerkleTree tree = tree(all);
        for (int n = 0; n <= 64; n++) {
            for (int m = 0; m <= n; m++) {
                List<Hash> proof = tree.consistencyProof(m, n);
                assertSameHashes(proof, naive.proof(m, n), "PROOF(" + m + ", D[" + n + "])");
                assertConsistencyVerifiesAndTamperingFails(tree, naive, m, n, proof);
            }
        }
    }

    /** Random (m, n) beyond 64 leaves; a failure names the seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomConsistencyProofsBeyond64Leaves(long seed) {
        Random random = new Random(seed);
        int size = 65 + random.nextInt(700);
        List<byte[]> all = entries(size, seed);
        Naive naive = new Naive(all);
        MerkleTree tree = tree(all);
        for (int i = 0; i < 10; i++) {
            int n = 65 + random.nextInt(size - 64);
            int m = random.nextInt(4) == 0 ? Integer.highestOneBit(n - 1) : random.nextInt(n + 1);
            List<Hash> proof = tree.consistencyProof(m, n);
            assertSameHashes(proof, naive.proof(m, n), "PROOF(" + m + ", D[" + n + "])");
            assertConsistencyVerifiesAndTamperingFails(tree, naive, m, n, proof);
        }
    }

    private static void assertConsistencyVerifiesAndTamperingFails(MerkleTree tree, Naive naive, int m, int n,
            List<Hash> proof) {
        String at = "from " + m + " to " + n;
        Hash rootM = tree.root(m);
        Hash rootN = tree.root(n);
        assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, proof)).as(at).isTrue();
        if (m > 0 && m < n) {
            // swapped or wrong roots
            assertThat(Merkle.verifyConsistency(m, n, rootN, rootM, proof)).as(at + ", swapped roots").isFalse();
            assertThat(Merkle.verifyConsistency(m, n, flip(rootM, m), rootN, proof)).as(at + ", old root").isFalse();
            assertThat(Merkle.verifyConsistency(m, n, rootM, flip(rootN, n), proof)).as(at + ", new root").isFalse();
            if (m > 1) {
                assertThat(Merkle.verifyConsistency(m, n, tree.root(m - 1), rootN, proof)).as(at + ", earlier root")
                        .isFalse();
            }
            // a flipped bit in any element
            for (int i = 0; i < proof.size(); i++) {
                List<Hash> bad = new ArrayList<>(proof);
                bad.set(i, flip(proof.get(i), i + 1));
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, bad)).as(at + ", element %d flipped", i)
                        .isFalse();
            }
            // one element too many or too few, anywhere; an empty proof
            for (Hash extra : new Hash[] {rootM, rootN, proof.get(0)}) {
                List<Hash> longer = new ArrayList<>(proof);
                longer.add(extra);
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, longer)).as(at + ", appended").isFalse();
                List<Hash> prefixed = new ArrayList<>(proof);
                prefixed.add(0, extra);
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, prefixed)).as(at + ", prepended").isFalse();
            }
            for (int i = 0; i < proof.size(); i++) {
                List<Hash> shorter = new ArrayList<>(proof);
                shorter.remove(i);
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, shorter)).as(at + ", without %d", i).isFalse();
            }
            assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, List.of())).as(at + ", empty").isFalse();
            // other sizes with the same roots
            for (int wrongM : new int[] {m - 1, m + 1, m ^ 2, 0, n}) {
                if (wrongM != m) {
                    assertThat(Merkle.verifyConsistency(wrongM, n, rootM, rootN, proof)).as(at + ", as m = %d", wrongM)
                            .isFalse();
                }
            }
            for (int wrongN : new int[] {n - 1, n + 1, n * 2, n / 2, m}) {
                if (wrongN != n && (wrongN < m || naive.proofLengthOrMinusOne(m, wrongN) != proof.size())) {
                    assertThat(Merkle.verifyConsistency(m, wrongN, rootM, rootN, proof)).as(at + ", as n = %d", wrongN)
                            .isFalse();
                }
            }
        } else {
            // the trivial proofs are empty, and carry nothing else
            assertThat(proof).isEmpty();
            assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, List.of(rootM))).as(at + ", non-empty").isFalse();
            if (m == n) {
                assertThat(Merkle.verifyConsistency(m, n, rootM, flip(rootN, 3), proof)).as(at + ", other root")
                        .isFalse();
            } else {
                assertThat(Merkle.verifyConsistency(0, n, flip(rootM, 3), rootN, proof)).as(at + ", not empty root")
                        .isFalse();
            }
        }
    }

    @Test
    void trivialConsistencyCases() {
        Hash a = Merkle.leafHash(new byte[] {1});
        Hash b = Merkle.leafHash(new byte[] {2});
        Hash e = Merkle.EMPTY_ROOT;
        assertThat(Merkle.verifyConsistency(0, 0, e, e, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 5, e, a, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 5, a, a, List.of())).as("size 0 has the empty root").isFalse();
        assertThat(Merkle.verifyConsistency(1, 1, a, a, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(1, 1, a, b, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 1, a, a, List.of(e))).isFalse();
        assertThat(Merkle.verifyConsistency(0, 0, e, e, List.of(e))).isFalse();
        assertThat(Merkle.verifyConsistency(1, 0, a, e, List.of())).as("time travel").isFalse();
        assertThat(Merkle.verifyConsistency(2, 1, a, b, List.of(a))).as("time travel").isFalse();
        assertThat(Merkle.verifyConsistency(-1, 1, e, a, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, a, b, List.of())).as("a proof is needed").isFalse();
    }

    @Test
    void inclusionVerificationRejectsImpossiblePositions() {
        Hash a = Merkle.leafHash(new byte[] {1});
        assertThat(Merkle.verifyInclusion(a, 0, 1, List.of(), a)).isTrue();
        assertThat(Merkle.verifyInclusion(a, 0, 0, List.of(), a)).isFalse();
        assertThat(Merkle.verifyInclusion(a, 1, 1, List.of(), a)).isFalse();
        assertThat(Merkle.verifyInclusion(a, -1, 1, List.of(), a)).isFalse();
        assertThat(Merkle.verifyInclusion(a, 0, 1, List.of(a), Merkle.nodeHash(a, a))).isFalse();
        assertThat(Merkle.verifyInclusion(a, 0, -1, List.of(), a)).isFalse();
    }

    @Test
    void proofRequestsOutsideTheTreeAreRejected() {
        MerkleTree tree = tree(entries(10, 3));
        assertThatThrownBy(() -> tree.inclusionProof(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.root(tree, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsReadOnlyCompleteAlignedSubtrees() {
        // Merkle's contract with a Nodes source: node(level, index) only for subtrees inside the requested size
        List<byte[]> all = entries(45, 4);
        MerkleTree tree = tree(all);
        for (int size = 1; size <= 45; size++) {
            final int n = size;
            Merkle.Nodes checked = (level, index) -> {
                assertThat((index + 1) << level).as("node(%d, %d) within size %d", level, index, n).isLessThanOrEqualTo(n);
                return tree.node(level, index);
            };
            assertThat(Merkle.root(checked, size)).isEqualTo(tree.root(size));
            for (int i = 0; i < size; i++) {
                assertThat(Merkle.inclusionProof(checked, i, size)).isEqualTo(tree.inclusionProof(i, size));
            }
            for (int m = 0; m <= size; m++) {
                assertThat(Merkle.consistencyProof(checked, m, size)).isEqualTo(tree.consistencyProof(m, size));
            }
        }
    }

    @Test
    void accumulatorAgreesWithTheTreeAtEverySize() {
        Random random = new Random(5);
        MerkleTree tree = new MerkleTree();
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (int n = 1; n <= 1100; n++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            tree.appendEntry(entry);
            accumulator.append(Merkle.leafHash(entry));
            assertThat(accumulator.root()).as("size %d", n).isEqualTo(tree.root());
            assertThat(accumulator.size()).isEqualTo(n);
        }
    }

    @Test
    void appendTakesLeafHashesAsGiven() {
        MerkleTree byEntry = new MerkleTree();
        MerkleTree byHash = new MerkleTree();
        IntStream.range(0, 9).forEach(i -> {
            byte[] e = {(byte) i};
            byEntry.appendEntry(e);
            byHash.append(Merkle.leafHash(e));
        });
        assertThat(byHash.root()).isEqualTo(byEntry.root());
        assertThat(byHash.size()).isEqualTo(9);
    }
}

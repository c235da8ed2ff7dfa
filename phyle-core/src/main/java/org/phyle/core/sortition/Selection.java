package org.phyle.core.sortition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.MerkleAccumulator;

/**
 * The arithmetic of a draw, as pure functions of what the ledger holds, so that anyone can recompute it:
 *
 * <ul>
 *   <li>the pool's root: the RFC 9162 Merkle root of the members' person ids (32 bytes each) in person-number order;
 *   <li>the VRF input: {@code "phyle-draw:v1:" || draw id || pool root};
 *   <li>a steward's commitment: SHA-256({@code "phyle-draw-commit:v1:" || draw id || secret});
 *   <li>the randomness: SHA-256({@code "phyle-draw-randomness:v1:" || beta || the revealed secrets, in steward
 *       order});
 *   <li>the selection: the k members with the smallest SHA-256(randomness || person id); with strata, the quota of
 *       each region chosen the same way within the region.
 * </ul>
 */
public final class Selection {
    private static final byte[] ALPHA = "phyle-draw:v1:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT = "phyle-draw-commit:v1:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RANDOMNESS = "phyle-draw-randomness:v1:".getBytes(StandardCharsets.US_ASCII);

    private Selection() {
    }

    /** A member of a pool: their number, person id, and region (for strata; "" when none). */
    public record Member(int number, Hash id, String region) {
    }

    public static Hash poolRoot(List<Member> pool) {
        MerkleAccumulator acc = new MerkleAccumulator();
        for (Member m : pool) {
            acc.append(Merkle.leafHash(m.id().bytes()));
        }
        return acc.root();
    }

    public static byte[] alpha(Hash drawId, Hash poolRoot) {
        byte[] out = new byte[ALPHA.length + 64];
        System.arraycopy(ALPHA, 0, out, 0, ALPHA.length);
        System.arraycopy(drawId.bytes(), 0, out, ALPHA.length, 32);
        System.arraycopy(poolRoot.bytes(), 0, out, ALPHA.length + 32, 32);
        return out;
    }

    public static Hash commitment(Hash drawId, byte[] secret) {
        return Hash.sha256(COMMIT, drawId.bytes(), secret);
    }

    public static Hash randomness(byte[] beta, List<byte[]> secrets) {
        byte[][] parts = new byte[secrets.size() + 2][];
        parts[0] = RANDOMNESS;
        parts[1] = beta;
        for (int i = 0; i < secrets.size(); i++) {
            parts[i + 2] = secrets.get(i);
        }
        return Hash.sha256(parts);
    }

    /** A member's score in a draw: the smaller, the earlier they are chosen. */
    public static Hash score(Hash randomness, Hash memberId) {
        return Hash.sha256(randomness.bytes(), memberId.bytes());
    }

    /** The k members with the smallest scores (all of them if k is larger), in score order. */
    public static List<Member> select(Hash randomness, List<Member> pool, int k) {
        List<Object[]> scored = new ArrayList<>(pool.size());
        for (Member m : pool) {
            scored.add(new Object[] {score(randomness, m.id()), m});
        }
        scored.sort(Comparator.comparing((Object[] x) -> (Hash) x[0]));
        List<Member> out = new ArrayList<>(Math.min(k, pool.size()));
        for (int i = 0; i < scored.size() && out.size() < k; i++) {
            out.add((Member) scored.get(i)[1]);
        }
        return out;
    }

    /**
     * The seats per region for a draw of k from the pool, proportional to the regions' sizes: each region gets the
     * whole part of its share, and the seats left go to the largest remainders (ties to the region first in
     * alphabetical order).
     */
    public static Map<String, Integer> quotas(List<Member> pool, int k) {
        TreeMap<String, Integer> sizes = new TreeMap<>();
        for (Member m : pool) {
            sizes.merge(m.region(), 1, Integer::sum);
        }
        TreeMap<String, Integer> quotas = new TreeMap<>();
        List<Object[]> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            long exact = (long) k * e.getValue();
            int whole = (int) (exact / pool.size());
            quotas.put(e.getKey(), whole);
            given += whole;
            remainders.add(new Object[] {exact % pool.size(), e.getKey()});
        }
        remainders.sort(Comparator.comparing((Object[] x) -> -(long) x[0]).thenComparing(x -> (String) x[1]));
        for (int i = 0; given < k && i < remainders.size(); i++, given++) {
            quotas.merge((String) remainders.get(i)[1], 1, Integer::sum);
        }
        return quotas;
    }

    /** Each region's quota chosen by score within the region; the result in score order within region order. */
    public static List<Member> selectStratified(Hash randomness, List<Member> pool, Map<String, Integer> quotas) {
        TreeMap<String, List<Member>> byRegion = new TreeMap<>();
        for (Member m : pool) {
            byRegion.computeIfAbsent(m.region(), r -> new ArrayList<>()).add(m);
        }
        List<Member> out = new ArrayList<>();
        for (Map.Entry<String, List<Member>> e : byRegion.entrySet()) {
            out.addAll(select(randomness, e.getValue(), quotas.getOrDefault(e.getKey(), 0)));
        }
        return out;
    }
}

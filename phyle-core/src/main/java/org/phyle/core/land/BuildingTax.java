package org.phyle.core.land;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.phyle.core.Rejection;
import org.phyle.crypto.Hash;
import org.phyle.crypto.ring.Ring;

/**
 * The floating tax of one building: the ring of its neighbours' opinion keys recorded for an epoch, the opinions
 * said in that epoch (by linking tag, never by person), and the part of a minor unit accrued but not yet due. The
 * annual rate is 5% × (N + D − A) / (2N), kept exactly as the fraction {@code 250 × (N + D − A) / N} basis points;
 * with no ring for the current epoch (none recorded yet, or the epoch of the last one is over) it is 2.5%, the rate
 * of a ring where nobody speaks. Read through its public methods; only {@link Land} changes it.
 */
public final class BuildingTax {
    /** What a neighbour says of a building: approve, disapprove, or withdraw (say nothing). */
    public enum Opinion {
        APPROVE("approve"),
        DISAPPROVE("disapprove"),
        WITHDRAW("withdraw");

        private final String json;

        Opinion(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Opinion fromJson(String s) {
            for (Opinion o : values()) {
                if (o.json.equals(s)) {
                    return o;
                }
            }
            throw new Rejection(org.phyle.core.tx.TxCode.MALFORMED, "an opinion is approve, disapprove or withdraw, "
                    + "not \"" + s + "\"");
        }
    }

    /** The last opinion said under one linking tag in this epoch: what, its sequence number, and the block. */
    public record Said(Opinion opinion, long seq, long height) {
    }

    /**
     * The building's rate from a moment on: when, in which block (-1 for the end of a ring's epoch, which happens at a
     * time, not in a block), the epoch, the ring's size N (0: no ring), the approvals A and disapprovals D. The rate
     * is {@link #numerator()} / {@link #denominator()} basis points.
     */
    public record RatePoint(long time, long height, long epoch, int neighbours, int approvals, int disapprovals) {
        /** The numerator of the rate in basis points: 250 × (N + D − A), or 250 with no ring. */
        public long numerator() {
            return neighbours == 0 ? HALF_BP : HALF_BP * (neighbours + disapprovals - approvals);
        }

        /** The denominator of the rate in basis points: N, or 1 with no ring. */
        public long denominator() {
            return neighbours == 0 ? 1 : neighbours;
        }
    }

    /** A stored change of the rate, with the end of its ring's epoch (Long.MAX_VALUE: no ring). */
    record Change(RatePoint point, long until) {
    }

    /** Half of 5% in basis points: the rate when nobody speaks, or when no ring is recorded. */
    static final long HALF_BP = 250;

    final int building;
    final int parcel;
    /** The ring recorded for {@link #epoch}, or null if none was ever recorded. */
    Ring ring;
    long epoch = -1;
    /** When the epoch of the ring ends: from then on the rate is 2.5% until a new ring is recorded. */
    long until = Long.MAX_VALUE;
    /** The part of a minor unit accrued and not yet due, over {@code Accrual.PER_YEAR × denominator()}. */
    long remainder;
    long taxPaid;
    final TreeMap<String, Said> said = new TreeMap<>();
    /** Every change of the rate, oldest first: built, each ring recorded, each opinion that changed the counts. */
    final java.util.ArrayList<Change> changes = new java.util.ArrayList<>();
    int approvals;
    int disapprovals;

    BuildingTax(int building, int parcel) {
        this.building = building;
        this.parcel = parcel;
    }

    public int building() {
        return building;
    }

    public int parcel() {
        return parcel;
    }

    /** The size of the last recorded ring (0: none). */
    public int ringSize() {
        return ring == null ? 0 : ring.size();
    }

    /** The last recorded ring's opinion keys, in canonical order, base64url (empty: none). */
    public List<String> ringKeys() {
        return ring == null ? List.of() : ring.members().stream().map(k -> b64(k.encode())).toList();
    }

    /** The epoch of the last recorded ring (-1: none). */
    public long epoch() {
        return epoch;
    }

    public long until() {
        return until;
    }

    public int approvals() {
        return approvals;
    }

    public int disapprovals() {
        return disapprovals;
    }

    public long remainder() {
        return remainder;
    }

    /** All the building tax this building's holders have paid. */
    public long taxPaid() {
        return taxPaid;
    }

    /** The opinions said in the ring's epoch, by linking tag (base64url), withdrawn ones included. */
    public java.util.Map<String, Said> said() {
        return java.util.Collections.unmodifiableMap(said);
    }

    /** The denominator of the rate in basis points: the ring's size, or 1 with no ring. */
    public long denominator() {
        return ring == null ? 1 : ring.size();
    }

    /** The numerator of the rate in basis points over {@link #denominator()} at a time. */
    public long numerator(long time) {
        if (ring == null || time >= until) {
            return HALF_BP * denominator();
        }
        return HALF_BP * (ring.size() + disapprovals - approvals);
    }

    /**
     * The rate's history up to a time, oldest first: the changes stored (built, a ring recorded, an opinion changing
     * the counts), and, computed here rather than stored, a point at the end of each ring's epoch where the rate went
     * back to 2.5% (height -1, the epoch after the ring's, N = A = D = 0) if that end came before the next change and
     * by {@code time}.
     */
    public List<RatePoint> history(long time) {
        List<RatePoint> out = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            out.add(c.point());
            boolean ended = c.until() != Long.MAX_VALUE && (i + 1 < changes.size()
                    ? c.until() < changes.get(i + 1).point().time() : c.until() <= time);
            if (ended) {
                out.add(new RatePoint(c.until(), -1, c.point().epoch() + 1, 0, 0, 0));
            }
        }
        return out;
    }

    /** Records the rate as it is now, in a block at a time. */
    void changed(long time, long height, long epochNow) {
        changes.add(ring == null || time >= until
                ? new Change(new RatePoint(time, height, epochNow, 0, 0, 0), Long.MAX_VALUE)
                : new Change(new RatePoint(time, height, epoch, ring.size(), approvals, disapprovals), until));
    }

    void recount() {
        approvals = 0;
        disapprovals = 0;
        for (Said s : said.values()) {
            if (s.opinion() == Opinion.APPROVE) {
                approvals++;
            } else if (s.opinion() == Opinion.DISAPPROVE) {
                disapprovals++;
            }
        }
    }

    // ---- what is signed ---------------------------------------------------------------------------------------

    private static final byte[] CONTEXT = "phyle/land/building/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "phyle/land/opinion/v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * The linking context of a building's opinions: a fixed label, the society's id and the building's number, so
     * that a resident's tag is the same for every opinion on this building and unrelated to their tag on any other.
     */
    public static byte[] context(Hash society, int building) {
        return ByteBuffer.allocate(CONTEXT.length + Hash.SIZE + 4).put(CONTEXT).put(society.bytes()).putInt(building)
                .array();
    }

    /** The message an opinion signs: a label, the society, the building, the epoch, the sequence and the opinion. */
    public static byte[] message(Hash society, int building, long epoch, long seq, Opinion opinion) {
        byte[] o = opinion.json().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MESSAGE.length + Hash.SIZE + 4 + 8 + 8 + o.length).put(MESSAGE)
                .put(society.bytes()).putInt(building).putLong(epoch).putLong(seq).put(o).array();
    }

    private static final byte[] KEY_PROOF = "phyle/land/opinion-key/v1".getBytes(StandardCharsets.US_ASCII);

    /** The linking context of a key's proof of possession: a label and the society. */
    public static byte[] keyProofContext(Hash society) {
        return ByteBuffer.allocate(KEY_PROOF.length + Hash.SIZE).put(KEY_PROOF).put(society.bytes()).array();
    }

    /** What a key's proof of possession signs: the label, the society and the did of the registering key. */
    public static byte[] keyProofMessage(Hash society, String did) {
        byte[] d = did.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(KEY_PROOF.length + Hash.SIZE + d.length).put(KEY_PROOF).put(society.bytes()).put(d)
                .array();
    }

    /** A group element from base64url, only in its one canonical spelling; IllegalArgumentException otherwise. */
    static org.phyle.crypto.ring.RistrettoElement element(String b64) {
        org.phyle.crypto.ring.RistrettoElement e = org.phyle.crypto.ring.RistrettoElement.decode(
                Base64.getUrlDecoder().decode(b64));
        if (!b64(e.encode()).equals(b64)) {
            throw new IllegalArgumentException("not the canonical base64url spelling of the key");
        }
        return e;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

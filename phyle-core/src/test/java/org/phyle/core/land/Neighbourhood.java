package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.TxOutcome;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.Scalar;

/**
 * The building tax's fixture: an {@link Estate} whose citizen 1 holds parcel 0 (Harberger at 0%, so that only
 * building tax is paid) with a building assessed at 3,650 units (5% a year is exactly 0.5 unit a day), and residents
 * with opinion keys along the street: each parcel is a square 0.001° on a side, so parcel i's centre is about 87 m
 * × i from parcel 0's; within the default 200 m are parcels 0, 1 and 2.
 */
final class Neighbourhood {
    static final long U = Estate.U;
    static final long DAY = Estate.DAY;
    static final long VALUE = 3_650 * U;
    final Estate e;
    final int territory;
    final List<Integer> parcels = new ArrayList<>();
    private final SecureRandom random;
    private int oneTime;

    Neighbourhood(int citizens, int parcelCount, Parameters parameters, long seed) {
        e = new Estate(citizens, parameters);
        territory = e.territory(Tenure.HARBERGER, 0, 0);
        for (int i = 0; i < parcelCount; i++) {
            parcels.add(e.parcel(territory, i));
        }
        e.m.ok(e.m.citizen(1), new LandTx.Claim(0, 0, Optional.of(U), 100 * U));
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        random.setSeed(seed);
    }

    Neighbourhood(int citizens, int parcelCount) {
        this(citizens, parcelCount, org.phyle.core.Catalog.defaultParameters(), 1);
    }

    /** Citizen i's opinion key pair (deterministic). */
    static RingKeyPair keys(int citizen) {
        return RingKeyPair.fromSecret(Scalar.of(1_000 + citizen));
    }

    static String key(int citizen) {
        return b64(keys(citizen).publicKey().encode());
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Citizen i resides on a parcel and registers their opinion key. */
    void resident(int citizen, int parcel) {
        e.m.ok(e.m.citizen(citizen), new LandTx.Reside(parcel));
        e.m.ok(e.m.citizen(citizen), registration(citizen, citizen));
    }

    /** Registers opinion key number {@code key}, proven, for the ledger key of citizen {@code signer}. */
    LandTx.OpinionKey registration(int key, int signer) {
        return registration(e, key, e.m.citizen(signer).verifyingKey().did(), random);
    }

    static LandTx.OpinionKey registration(Estate e, int key, String did, SecureRandom random) {
        byte[] proof = Blsag.sign(BuildingTax.keyProofMessage(e.m.society.id(), did), Ring.of(List.of(
                keys(key).publicKey())), keys(key), BuildingTax.keyProofContext(e.m.society.id()), random).encode();
        return new LandTx.OpinionKey(key(key), b64(proof));
    }

    Parameters params() {
        return e.m.society.parameters();
    }

    long epoch() {
        return Land.epochOf(e.m.now, params());
    }

    /** Moves to the first millisecond of the next epoch; returns it. */
    long nextEpoch() {
        long t = (epoch() + 1) * Land.epochMs(params());
        e.m.at(t);
        return t;
    }

    /** The holder (citizen 1) records a building on a parcel they hold; returns its number. */
    int build(int parcel) {
        e.m.ok(e.m.citizen(1), new LandTx.Build(parcel, "house", VALUE));
        return e.parcel(parcel).buildings().get(e.parcel(parcel).buildings().size() - 1).number();
    }

    /** The ring of these citizens' keys, in canonical order. */
    static Ring ring(int... citizens) {
        List<org.phyle.crypto.ring.RistrettoElement> ks = new ArrayList<>();
        for (int c : citizens) {
            ks.add(keys(c).publicKey());
        }
        return Ring.sorted(ks);
    }

    static List<String> members(Ring ring) {
        return ring.members().stream().map(k -> b64(k.encode())).toList();
    }

    LandTx.RecordRing recordRing(int building, int... citizens) {
        return new LandTx.RecordRing(building, epoch(), members(ring(citizens)));
    }

    /** Citizen i's opinion on a building, signed over a ring (the building's, or any other). */
    LandTx.Opine opinion(int citizen, int building, long epoch, long seq, BuildingTax.Opinion o, Ring ring) {
        byte[] msg = BuildingTax.message(e.m.society.id(), building, epoch, seq, o);
        byte[] sig = Blsag.sign(msg, ring, keys(citizen), BuildingTax.context(e.m.society.id(), building), random)
                .encode();
        return new LandTx.Opine(building, epoch, seq, o, b64(sig));
    }

    LandTx.Opine opinion(int citizen, int building, long seq, BuildingTax.Opinion o) {
        BuildingTax t = tax(building);
        Ring ring = Ring.of(t.ringKeys().stream().map(k -> org.phyle.crypto.ring.RistrettoElement.decode(
                Base64.getUrlDecoder().decode(k))).toList());
        return opinion(citizen, building, epoch(), seq, o, ring);
    }

    /** A fresh key for each opinion's envelope: it says nothing of who sent it. */
    SigningKey oneTime() {
        return org.phyle.core.economy.Market.stranger(oneTime++);
    }

    void say(LandTx.Opine o) {
        e.m.ok(oneTime(), o);
    }

    void refused(LandTx body, LandCode code) {
        e.m.refused(oneTime(), body, code);
    }

    BuildingTax tax(int building) {
        return e.land().buildingTax(building).orElseThrow();
    }

    /** Offers transactions in one block; returns the outcomes (the block is sealed). */
    List<TxOutcome> oneBlock(LandTx... bodies) {
        BlockBuilder b = e.m.society.newBlock(e.m.now);
        List<TxOutcome> out = new ArrayList<>();
        for (LandTx body : bodies) {
            out.add(b.offer(e.m.tx(oneTime(), body)));
        }
        e.m.blocks.add(b.seal(e.m.sequencer));
        return out;
    }

    void assertRate(int building, long numerator, long denominator) {
        assertThat(tax(building).numerator(e.m.now)).as("rate numerator").isEqualTo(numerator);
        assertThat(tax(building).denominator()).as("rate denominator").isEqualTo(denominator);
    }
}

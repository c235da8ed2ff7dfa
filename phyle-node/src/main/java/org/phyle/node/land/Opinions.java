package org.phyle.node.land;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.LandTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.RistrettoElement;

/**
 * What a resident signs for the floating building tax, as the command line, the demo and the tests make it: the
 * registration of an opinion key with its proof of possession, the linking tag of a key on a building, and an
 * anonymous opinion signed over a building's ring (the envelope's key is the sender's business: a fresh one-time key).
 */
public final class Opinions {
    private Opinions() {
    }

    /** {@code land.opinionKey}: the key and a bLSAG by it over the ring of itself, bound to the society and the did. */
    public static LandTx.OpinionKey registration(Hash society, String did, RingKeyPair pair, SecureRandom random) {
        byte[] proof = Blsag.sign(BuildingTax.keyProofMessage(society, did), Ring.of(List.of(pair.publicKey())), pair,
                BuildingTax.keyProofContext(society), random).encode();
        return new LandTx.OpinionKey(OpinionKeyFile.b64(pair.publicKey().encode()), OpinionKeyFile.b64(proof));
    }

    /** The linking tag this key gives every opinion on this building (base64url), as the node lists it. */
    public static String tag(Hash society, int building, RingKeyPair pair) {
        return OpinionKeyFile.b64(Blsag.linkingTag(pair, BuildingTax.context(society, building)).encode());
    }

    /** The ring of these base64url keys, in the order given (which must be the canonical one). */
    public static Ring ring(List<String> members) {
        return Ring.of(members.stream().map(k -> RistrettoElement.decode(Base64.getUrlDecoder().decode(k))).toList());
    }

    /** True if the key is one of the ring's members. */
    public static boolean inRing(List<String> members, RingKeyPair pair) {
        return members.contains(OpinionKeyFile.b64(pair.publicKey().encode()));
    }

    /** {@code land.opinion}: an opinion on a building in an epoch, with its sequence, signed over the ring. */
    public static LandTx.Opine opine(Hash society, int building, long epoch, long seq, BuildingTax.Opinion opinion,
                                     List<String> members, RingKeyPair pair, SecureRandom random) {
        byte[] sig = Blsag.sign(BuildingTax.message(society, building, epoch, seq, opinion), ring(members), pair,
                BuildingTax.context(society, building), random).encode();
        return new LandTx.Opine(building, epoch, seq, opinion, OpinionKeyFile.b64(sig));
    }
}

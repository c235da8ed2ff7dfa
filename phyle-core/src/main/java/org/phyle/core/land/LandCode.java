package org.phyle.core.land;

import org.phyle.core.RejectionCode;

/** Why a land transaction or proposal is refused: each a stable code and a sentence for a person. */
public enum LandCode implements RejectionCode {
    UNKNOWN_TERRITORY(Kind.NOT_FOUND, "No territory with that number."),
    UNKNOWN_PARCEL(Kind.NOT_FOUND, "No parcel with that number."),
    BAD_TERRITORY(Kind.MALFORMED, "A territory needs a name, a host country (ISO 3166 code such as PT), a tenure "
            + "(harberger or land-value), an annual rate of 0 to 10000 basis points and a minimum price per m² of 0 "
            + "or more."),
    CAMPAIGN_NOT_FUNDED(Kind.RULE, "Only a campaign that reached its target establishes a territory."),
    ALREADY_ESTABLISHED(Kind.CONFLICT, "The campaign's territory is already established."),
    NOT_THE_STEWARD(Kind.RULE, "Only the territory's steward (or a passed proposal) does this."),
    BAD_GEOMETRY(Kind.MALFORMED, "A parcel is a GeoJSON Polygon of one closed, simple ring of at least 3 distinct "
            + "points, longitude and latitude in degrees (WGS 84) with at most 7 decimals."),
    TOO_MANY_POINTS(Kind.MALFORMED, "The parcel's ring has more points than land.maxPoints allows."),
    OVERLAP(Kind.CONFLICT, "The parcel overlaps another parcel of the territory (touching edges are allowed)."),
    AREA_MISMATCH(Kind.MALFORMED, "The declared area in m² is not within the allowed band of the polygon's "
            + "geodesic area."),
    PRICE_NOT_POSITIVE(Kind.MALFORMED, "A price must be a positive number of minor units."),
    DEPOSIT_NOT_POSITIVE(Kind.MALFORMED, "A deposit (or an amount added to or taken from one) must be a positive "
            + "number of minor units."),
    PRICE_UNDER_MINIMUM(Kind.RULE, "The price is below the territory's minimum price per m² times the parcel's area."),
    STALE_PRICE(Kind.CONFLICT, "The quoted price is not the parcel's price now (it changed, possibly in this very "
            + "block): look again and quote the current one."),
    COLLATERAL_SHORT(Kind.RULE, "A bid posts its price and the new deposit as collateral, and the bidder's spendable "
            + "money does not cover them."),
    FUNDS_SHORT(Kind.RULE, "The account's spendable money does not cover the deposit, the purchase or the penalty."),
    NOT_THE_HOLDER(Kind.RULE, "Only the parcel's holder does this."),
    NOT_HELD(Kind.RULE, "The parcel has no holder now (it is vacant or in a foreclosure auction)."),
    NOT_AVAILABLE(Kind.RULE, "Only a vacant parcel or one in a foreclosure auction can be claimed."),
    RESERVED(Kind.RULE, "The vacant parcel is reserved for another key."),
    BID_OPEN(Kind.CONFLICT, "The parcel has an open bid: the holder accepts or rejects it, or it completes at the end "
            + "of its window."),
    NO_BID(Kind.RULE, "The parcel has no open bid."),
    SELF_BID(Kind.RULE, "A holder cannot bid for their own parcel."),
    REJECT_TOO_LOW(Kind.RULE, "A bid is rejected only by raising the price to at least the bid."),
    NOT_HARBERGER(Kind.RULE, "This is done only on a parcel of a territory under Harberger tenure."),
    NOT_LAND_VALUE(Kind.RULE, "Assessments are set only for parcels of a territory under the land value tax."),
    WITHDRAW_TOO_MUCH(Kind.RULE, "A holder may withdraw from the deposit only while some of it remains."),
    NOT_RESIDENT_ELIGIBLE(Kind.RULE, "Only a citizen in good standing or an e-resident registers a residence."),
    NOT_RESIDING(Kind.RULE, "The person has no residence registered."),
    DUE_PENDING(Kind.CONFLICT, "Something is due on this parcel by this block's time (a foreclosure, a sale at the "
            + "end of a bid's window, or the end of an auction); it is settled at the end of this block: send again "
            + "in the next one."),
    UNKNOWN_BUILDING(Kind.NOT_FOUND, "No building with that number."),
    OPINION_KEY_INVALID(Kind.MALFORMED, "An opinion key is a ristretto255 public key: 32 bytes in base64url, a valid "
            + "encoding, not the identity."),
    OPINION_KEY_UNPROVEN(Kind.RULE, "An opinion key is registered with a proof that you hold its secret: a bLSAG by "
            + "the key, over the ring of itself alone, of the society and your key's did."),
    OPINION_KEY_TAKEN(Kind.CONFLICT, "That opinion key was registered before; each registration needs a new key."),
    WRONG_EPOCH(Kind.CONFLICT, "Rings and opinions are for the current epoch only: look up the epoch now and sign "
            + "again."),
    RING_RECORDED(Kind.CONFLICT, "The building's ring for this epoch is already recorded."),
    RING_MALFORMED(Kind.MALFORMED, "A ring lists at least one opinion key, each a valid ristretto255 key in base64url, "
            + "once, in ascending order of their encodings."),
    RING_MEMBER_UNKNOWN(Kind.RULE, "A key in the ring is not the opinion key, in this epoch, of anyone residing "
            + "in the society."),
    RING_MEMBER_TOO_FAR(Kind.RULE, "A key in the ring belongs to a resident who lives farther from the building than "
            + "land.neighbourRadiusM plus 1 m."),
    RING_NEIGHBOUR_MISSING(Kind.RULE, "The ring leaves out a resident with an opinion key who lives nearer to the "
            + "building than land.neighbourRadiusM minus 1 m."),
    NO_RING(Kind.RULE, "No ring of neighbours is recorded for the building in this epoch: record one first."),
    RING_SIGNATURE_MALFORMED(Kind.MALFORMED, "The opinion's ring signature is not a well-formed bLSAG signature over "
            + "a ring of the recorded ring's size."),
    OPINION_NOT_IN_RING(Kind.RULE, "The ring signature does not verify: it is not by a member of the building's ring "
            + "for this building, epoch, sequence and opinion (from outside the ring, or made for something else)."),
    OPINION_REPLAYED(Kind.RULE, "The signature's linking tag belongs to another building: a signature replayed from "
            + "there."),
    OPINION_STALE(Kind.CONFLICT, "An opinion's sequence number must be greater than that of the last opinion with "
            + "the same linking tag in this epoch (an older opinion cannot be sent again)."),
    OPINION_SAME_BLOCK(Kind.CONFLICT, "One opinion per linking tag per block: send the newer one in the next block."),
    OVERFLOW(Kind.RULE, "The amount would overflow the largest sum the ledger can hold.");

    private final Kind kind;
    private final String meaning;

    LandCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

package org.phyle.core.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;

/**
 * The land's transactions. Amounts and prices are integers of minor units; zero or negative ones are read and
 * refused by the rules with their own codes. A parcel's geometry is kept as the GeoJSON it was signed as and read
 * into a {@link Ring} by the rules (which know {@code land.maxPoints}).
 */
public sealed interface LandTx extends TxBody {
    /** {@code land.establish}: the steward of a funded campaign establishes its territory. */
    record Establish(int campaign, String name, Tenure tenure, int rateBp, long minPricePerM2) implements LandTx {
        public String type() {
            return "land.establish";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("campaign", campaign).put("name", name)
                    .put("tenure", tenure.json()).put("rateBp", rateBp).put("minPricePerM2", minPricePerM2);
        }

        static Establish read(Fields f) {
            Establish e = new Establish(number(f, "campaign"), f.line("name", 1, 120), LandTx.tenure(f),
                    (int) f.integer("rateBp", 0, 10_000), f.integer("minPricePerM2", 0, Fields.MAX_SAFE_INTEGER));
            f.end();
            return e;
        }
    }

    /** {@code land.parcel}: the territory's steward draws a parcel (vacant; optionally reserved for a key). */
    record NewParcel(int territory, JsonNode geometry, long areaM2, Optional<String> reservedFor) implements LandTx {
        public NewParcel {
            geometry = geometry.deepCopy();
        }

        public String type() {
            return "land.parcel";
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("territory", territory);
            o.set("geometry", geometry.deepCopy());
            o.put("areaM2", areaM2);
            reservedFor.ifPresent(r -> o.put("reservedFor", r));
            return o;
        }

        static NewParcel read(Fields f) {
            int territory = number(f, "territory");
            JsonNode g = f.value("geometry");
            long area = f.integer("areaM2", 1, Fields.MAX_SAFE_INTEGER);
            Optional<String> reserved = f.has("reservedFor") ? Optional.of(f.did("reservedFor").did())
                    : Optional.empty();
            f.end();
            return new NewParcel(territory, g, area, reserved);
        }
    }

    /**
     * {@code land.claim}: takes a vacant parcel ({@code quote} 0) or buys one in a foreclosure auction at its price now
     * ({@code quote}), funding a deposit; under Harberger tenure, stating a price.
     */
    record Claim(int parcel, long quote, Optional<Long> price, long deposit) implements LandTx {
        public String type() {
            return "land.claim";
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("quote", quote);
            price.ifPresent(p -> o.put("price", p));
            return o.put("deposit", deposit);
        }

        static Claim read(Fields f) {
            Claim c = new Claim(number(f, "parcel"), f.integer("quote", 0, Fields.MAX_SAFE_INTEGER),
                    f.has("price") ? Optional.of(amount(f, "price")) : Optional.empty(), amount(f, "deposit"));
            f.end();
            return c;
        }
    }

    /** {@code land.price}: the holder states a new price (Harberger). */
    record SetPrice(int parcel, long price) implements LandTx {
        public String type() {
            return "land.price";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("price", price);
        }
    }

    /** {@code land.deposit}: the holder adds to the parcel's deposit. */
    record Deposit(int parcel, long amount) implements LandTx {
        public String type() {
            return "land.deposit";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("amount", amount);
        }
    }

    /** {@code land.withdraw}: the holder takes part of the deposit back (some must remain). */
    record Withdraw(int parcel, long amount) implements LandTx {
        public String type() {
            return "land.withdraw";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("amount", amount);
        }
    }

    /** {@code land.release}: the holder gives the parcel up; the deposit comes back, the parcel is vacant. */
    record Release(int parcel) implements LandTx {
        public String type() {
            return "land.release";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel);
        }
    }

    /** {@code land.bid}: buys at the stated price, quoting it, posting it and a deposit as collateral. */
    record Bid(int parcel, long quote, long deposit) implements LandTx {
        public String type() {
            return "land.bid";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("quote", quote)
                    .put("deposit", deposit);
        }
    }

    /** {@code land.accept}: the holder accepts the open bid; the sale completes now. */
    record Accept(int parcel) implements LandTx {
        public String type() {
            return "land.accept";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel);
        }
    }

    /** {@code land.reject}: the holder rejects the open bid, raising the price to at least it and paying a penalty. */
    record Reject(int parcel, long price) implements LandTx {
        public String type() {
            return "land.reject";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("price", price);
        }
    }

    /** {@code land.build}: the holder records a building on the parcel, with its assessed value. */
    record Build(int parcel, String description, long value) implements LandTx {
        public String type() {
            return "land.build";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("description", description)
                    .put("value", value);
        }

        static Build read(Fields f) {
            Build b = new Build(number(f, "parcel"), f.line("description", 1, 200),
                    f.integer("value", 0, Fields.MAX_SAFE_INTEGER));
            f.end();
            return b;
        }
    }

    /** {@code land.reside}: a citizen or e-resident registers their residence on a parcel (one per person). */
    record Reside(int parcel) implements LandTx {
        public String type() {
            return "land.reside";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel);
        }
    }

    /** {@code land.leave}: a person ends their registered residence. */
    record Leave() implements LandTx {
        public String type() {
            return "land.leave";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * {@code land.opinionKey}: a resident registers their opinion key (ristretto255, base64url), in use from the next
     * epoch, with a proof that they hold its secret: a bLSAG by the key over the ring of itself alone
     * ({@link BuildingTax#keyProofMessage}), so that nobody registers another's key.
     */
    record OpinionKey(String key, String proof) implements LandTx {
        public String type() {
            return "land.opinionKey";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("key", key).put("proof", proof);
        }

        static OpinionKey read(Fields f) {
            OpinionKey k = new OpinionKey(f.base64Url("key", 43, 43, "32 bytes in base64url without padding"),
                    f.base64Url("proof", 1, 200, "a bLSAG signature in base64url without padding"));
            f.end();
            return k;
        }
    }

    /**
     * {@code land.ring}: anyone records a building's ring of neighbours for the current epoch: the opinion keys in
     * ascending order of their encodings (base64url).
     */
    record RecordRing(int building, long epoch, List<String> members) implements LandTx {
        public RecordRing {
            members = List.copyOf(members);
        }

        public String type() {
            return "land.ring";
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("building", building).put("epoch", epoch);
            com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("members");
            members.forEach(a::add);
            return o;
        }

        static RecordRing read(Fields f) {
            int building = number(f, "building");
            long epoch = f.integer("epoch", 0, Fields.MAX_SAFE_INTEGER);
            JsonNode a = f.value("members");
            if (!a.isArray() || a.isEmpty() || a.size() > org.phyle.crypto.ring.Ring.MAX_SIZE) {
                throw new Rejection(LandCode.RING_MALFORMED, f.path() + ".members is a list of 1 to "
                        + org.phyle.crypto.ring.Ring.MAX_SIZE + " opinion keys");
            }
            List<String> members = new java.util.ArrayList<>();
            for (JsonNode m : a) {
                if (!m.isTextual()) {
                    throw new Rejection(LandCode.RING_MALFORMED, f.path() + ".members holds base64url strings");
                }
                members.add(m.asText());
            }
            f.end();
            return new RecordRing(building, epoch, members);
        }
    }

    /**
     * {@code land.opinion}: an anonymous opinion on a building, authenticated only by its ring signature (bLSAG over
     * the building's ring for the epoch, base64url); the envelope's key is a one-time key that means nothing.
     */
    record Opine(int building, long epoch, long seq, BuildingTax.Opinion opinion, String signature)
            implements LandTx {
        public String type() {
            return "land.opinion";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("building", building).put("epoch", epoch).put("seq", seq)
                    .put("opinion", opinion.json()).put("signature", signature);
        }

        static Opine read(Fields f) {
            Opine o = new Opine(number(f, "building"), f.integer("epoch", 0, Fields.MAX_SAFE_INTEGER),
                    f.integer("seq", 1, Fields.MAX_SAFE_INTEGER), BuildingTax.Opinion.fromJson(f.line("opinion", 1, 20)),
                    f.base64Url("signature", 1, 1 << 20, "a bLSAG signature in base64url without padding"));
            f.end();
            return o;
        }
    }

    List<TxType> TYPES = List.of(
            new TxType("land.establish", "The steward of a funded campaign establishes its territory.",
                    Establish::read),
            new TxType("land.parcel", "A territory's steward draws a new parcel.", NewParcel::read),
            new TxType("land.claim", "Takes a vacant parcel, or buys one in a foreclosure auction, with a deposit.",
                    Claim::read),
            new TxType("land.price", "A holder states a new price for a parcel (Harberger).", f -> {
                SetPrice p = new SetPrice(number(f, "parcel"), amount(f, "price"));
                f.end();
                return p;
            }),
            new TxType("land.deposit", "A holder adds to a parcel's tax deposit.", f -> {
                Deposit d = new Deposit(number(f, "parcel"), amount(f, "amount"));
                f.end();
                return d;
            }),
            new TxType("land.withdraw", "A holder takes part of a parcel's tax deposit back.", f -> {
                Withdraw w = new Withdraw(number(f, "parcel"), amount(f, "amount"));
                f.end();
                return w;
            }),
            new TxType("land.release", "A holder gives a parcel up.", f -> {
                Release r = new Release(number(f, "parcel"));
                f.end();
                return r;
            }),
            new TxType("land.bid", "Bids for a parcel at its stated price (Harberger), posting collateral.", f -> {
                Bid b = new Bid(number(f, "parcel"), amount(f, "quote"), amount(f, "deposit"));
                f.end();
                return b;
            }),
            new TxType("land.accept", "A holder accepts the open bid for a parcel.", f -> {
                Accept a = new Accept(number(f, "parcel"));
                f.end();
                return a;
            }),
            new TxType("land.reject", "A holder rejects the open bid, raising the price and paying a penalty.", f -> {
                Reject r = new Reject(number(f, "parcel"), amount(f, "price"));
                f.end();
                return r;
            }),
            new TxType("land.build", "A holder records a building on a parcel.", Build::read),
            new TxType("land.reside", "A citizen or e-resident registers their residence on a parcel.", f -> {
                Reside r = new Reside(number(f, "parcel"));
                f.end();
                return r;
            }),
            new TxType("land.leave", "A person ends their registered residence.", f -> {
                f.end();
                return new Leave();
            }),
            new TxType("land.opinionKey", "A resident registers their opinion key for buildings nearby.",
                    OpinionKey::read),
            new TxType("land.ring", "Records a building's ring of neighbours for the current epoch.", RecordRing::read),
            new TxType("land.opinion", "An anonymous opinion on a building, signed by its ring.", Opine::read));

    static long amount(Fields f, String name) {
        return f.integer(name, -Fields.MAX_SAFE_INTEGER, Fields.MAX_SAFE_INTEGER);
    }

    static int number(Fields f, String name) {
        return (int) f.integer(name, 0, Integer.MAX_VALUE);
    }

    static Tenure tenure(Fields f) {
        return Tenure.fromJson(f.line("tenure", 1, 20));
    }

    /** An ISO 3166 alpha-2 code, in capitals. */
    static String country(Fields f) {
        String c = f.line("country", 2, 2);
        if (!c.matches("[A-Z]{2}")) {
            throw new Rejection(TxCode.MALFORMED, f.path() + ".country is an ISO 3166 code of two capitals, not \""
                    + c + "\"");
        }
        return c;
    }
}

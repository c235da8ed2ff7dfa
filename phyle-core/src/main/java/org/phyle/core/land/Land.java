package org.phyle.core.land;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.citizenship.Status;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyCode;
import org.phyle.core.economy.LandEscrow;
import org.phyle.core.economy.Money;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * The land: territories, their parcels, residences, the tenure of each parcel (Harberger or the land value tax), and
 * the floating tax of each building, its rate set by its neighbours' anonymous opinions ({@link BuildingTax}).
 * Its public methods only read; the land mechanism changes it. Taxes accrue lazily: nothing happens to a parcel
 * until it is touched (settled) or something is due on it (its deposit runs out, a bid's window ends, an auction
 * ends), found through a time-ordered index, so a block costs the same whether there are a thousand parcels or a
 * million. Money held for land (deposits, the collateral of bids) is in the economy's land escrow; {@link #held()}
 * is what this view says it should hold, and the two are equal after every transaction.
 */
public final class Land {
    static final long DAY = 86_400_000L;

    /** Something due on a parcel at a time, in the index ordered by time and then parcel. */
    record Due(long time, int parcel) implements Comparable<Due> {
        public int compareTo(Due o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Integer.compare(parcel, o.parcel);
        }
    }

    private final List<Territory> territories = new ArrayList<>();
    private final TreeMap<Integer, Integer> byCampaign = new TreeMap<>();
    private final List<Parcel> parcels = new ArrayList<>();
    private final TreeMap<Integer, Integer> residences = new TreeMap<>();
    private final TreeSet<Due> dues = new TreeSet<>();
    private int buildings;
    private long held;
    /** Each building's floating tax, by building number. */
    private final List<BuildingTax> taxes = new ArrayList<>();
    /** Each resident's opinion key (by registry number): the one in use and the one taking effect at an epoch. */
    private final TreeMap<Integer, OpinionKey> opinionKeys = new TreeMap<>();
    /** Every opinion key ever registered, and whose: a key is registered once. */
    private final TreeMap<String, Integer> keyOwners = new TreeMap<>();
    /** Every linking tag ever accepted, and the building it is for: a tag seen on another building is a replay. */
    private final TreeMap<String, Integer> tagBuildings = new TreeMap<>();

    /** A resident's opinion keys: {@code current} (empty: none) and {@code next}, in use from epoch {@code from}. */
    public record OpinionKey(String current, String next, long from) {
        /** The key in use in an epoch (empty: none). */
        public String at(long epoch) {
            return !next.isEmpty() && from <= epoch ? next : current;
        }
    }
    /** Not state: each territory's parcels by envelope, rebuilt from the parcels when a snapshot is read. */
    private final Map<Integer, Quadtree> shapes = new HashMap<>();

    // ---- the view ---------------------------------------------------------------------------------------------

    public List<Territory> territories() {
        return List.copyOf(territories);
    }

    public Optional<Territory> territory(int number) {
        return number >= 0 && number < territories.size() ? Optional.of(territories.get(number)) : Optional.empty();
    }

    /** The territory established from a campaign, if it was. */
    public Optional<Territory> territoryOfCampaign(int campaign) {
        Integer t = byCampaign.get(campaign);
        return t == null ? Optional.empty() : Optional.of(territories.get(t));
    }

    public int parcelCount() {
        return parcels.size();
    }

    public Optional<Parcel> parcel(int number) {
        return number >= 0 && number < parcels.size() ? Optional.of(parcels.get(number)) : Optional.empty();
    }

    /** A territory's parcels, by number. */
    public List<Parcel> parcelsOf(int territory) {
        return parcels.stream().filter(p -> p.territory == territory).toList();
    }

    /** The parcels a key holds, by number. */
    public List<Parcel> holdings(String did) {
        return parcels.stream().filter(p -> p.holder.equals(did)).toList();
    }

    /** The parcel a person (by registry number) resides on. */
    public Optional<Integer> residenceOf(int person) {
        return Optional.ofNullable(residences.get(person));
    }

    /** A building's floating tax. */
    public Optional<BuildingTax> buildingTax(int building) {
        return building >= 0 && building < taxes.size() ? Optional.of(taxes.get(building)) : Optional.empty();
    }

    /** A resident's opinion keys, if they registered one. */
    public Optional<OpinionKey> opinionKey(int person) {
        return Optional.ofNullable(opinionKeys.get(person));
    }

    /**
     * The ring the core accepts for a building in an epoch, in its canonical form: the opinion keys in force in that
     * epoch of the residents whose parcel's centre is within land.neighbourRadiusM of the building's parcel's centre
     * (the rule accepts a band of ±1 m around the radius; this is the set at distance ≤ radius), ascending by their
     * encodings, base64url. Empty if nobody qualifies (then no ring can be recorded).
     */
    public List<String> neighbours(int building, long epoch, Parameters params) {
        BuildingTax b = requireBuilding(building);
        Parcel at = parcels.get(b.parcel);
        long radius = params.get(LandParams.NEIGHBOUR_RADIUS_M);
        List<String> keys = new ArrayList<>();
        for (Map.Entry<Integer, OpinionKey> e : opinionKeys.entrySet()) {
            String key = e.getValue().at(epoch);
            Integer home = residences.get(e.getKey());
            if (!key.isEmpty() && home != null && distance(parcels.get(home), at) <= radius) {
                keys.add(key);
            }
        }
        keys.sort(java.util.Comparator.comparing((String k) -> java.util.Base64.getUrlDecoder().decode(k),
                java.util.Arrays::compareUnsigned));
        return List.copyOf(keys);
    }

    /** The epoch of the rings at a time: whole periods of land.ringEpochDays since 1970. */
    public static long epochOf(long time, Parameters params) {
        return Math.floorDiv(time, epochMs(params));
    }

    static long epochMs(Parameters params) {
        return params.get(LandParams.RING_EPOCH_DAYS) * DAY;
    }

    /** What the land holds in the economy's escrow: every deposit and every open bid's collateral. */
    public long held() {
        return held;
    }

    /** The tax base of a parcel now: its stated price (Harberger) or its assessed land value (land value tax). */
    public long base(Parcel p) {
        return territories.get(p.territory).tenure() == Tenure.HARBERGER ? p.price : p.assessed();
    }

    /**
     * The tax accrued since the last settlement, the parcel's and its buildings', at a time before anything is due
     * (at most the deposit).
     */
    public long taxOwed(Parcel p, long time) {
        if (p.state != Parcel.State.HELD) {
            return 0;
        }
        long t = Math.min(time, p.due);
        return Math.min(p.deposit, totalOwed(p, t));
    }

    /** A building's tax accrued since its parcel's last settlement, at a time (not capped by the deposit). */
    public long buildingTaxOwed(int number, long time) {
        BuildingTax b = taxes.get(number);
        Parcel p = parcels.get(b.parcel);
        Parcel.Building building = p.buildings.stream().filter(x -> x.number() == number).findFirst().orElseThrow();
        return p.state != Parcel.State.HELD ? 0 : buildingOwed(p, building, Math.min(time, p.due)).tax();
    }

    /** The deposit left at a time (before anything is due). */
    public long depositAt(Parcel p, long time) {
        return p.deposit - taxOwed(p, time);
    }

    /**
     * When the deposit runs out at the current price or assessment and its buildings' current rates (Long.MAX_VALUE:
     * never). With buildings, the first millisecond at which the taxes owed reach the deposit, found by bisection
     * (the taxes owed only grow with time).
     */
    public long exhaustedAt(Parcel p) {
        if (p.state != Parcel.State.HELD) {
            return Long.MAX_VALUE;
        }
        if (p.buildings.isEmpty()) {
            return Accrual.exhaustedAt(base(p), territories.get(p.territory).rateBp(), p.deposit, p.remainder,
                    p.taxFrom);
        }
        long hi = Long.MAX_VALUE - p.taxFrom;
        if (totalOwed(p, p.taxFrom + hi) < p.deposit) {
            return Long.MAX_VALUE;
        }
        long lo = 0;
        while (lo < hi) { // the smallest ms with owed(ms) >= deposit lies in [lo, hi]
            long mid = lo + (hi - lo) / 2;
            if (totalOwed(p, p.taxFrom + mid) >= p.deposit) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return p.taxFrom + lo;
    }

    /** The price of a parcel in auction at a time: falling linearly from its last price to zero at the auction's end. */
    public long auctionPriceAt(Parcel p, long time) {
        if (p.state != Parcel.State.AUCTION || time >= p.auctionEnd) {
            return 0;
        }
        long t = Math.max(time, p.auctionStart);
        return Money.mulDiv(p.auctionPrice, p.auctionEnd - t, p.auctionEnd - p.auctionStart);
    }

    /** The earliest time something is due on any parcel (Long.MAX_VALUE: nothing). */
    public long nextDue() {
        return dues.isEmpty() ? Long.MAX_VALUE : dues.first().time();
    }

    /** The minimum price of a parcel: the territory's minimum per m² times its declared area. */
    public long minimumPrice(Parcel p) {
        return minimum(territories.get(p.territory), p.area);
    }

    // ---- checks other mechanisms (and proposals) use -----------------------------------------------------------

    public Territory requireTerritory(int number) {
        return territory(number).orElseThrow(() -> new Rejection(LandCode.UNKNOWN_TERRITORY,
                "there is no territory " + number));
    }

    public Parcel requireParcel(int number) {
        return parcel(number).orElseThrow(() -> new Rejection(LandCode.UNKNOWN_PARCEL, "there is no parcel " + number));
    }

    /** Checks a new parcel of a territory (geometry, area, overlap) and returns its ring; changes nothing. */
    public Ring checkParcel(int territory, JsonNode geometry, long area, Parameters params) {
        requireTerritory(territory);
        Ring ring = Ring.read(geometry, (int) params.get(LandParams.MAX_POINTS));
        ring.checkArea(area);
        Polygon poly = ring.polygon();
        int first = Integer.MAX_VALUE;
        Quadtree index = shapes.get(territory);
        if (index != null) {
            for (Object o : index.query(ring.envelope())) {
                int other = (Integer) o;
                if (other < first && parcels.get(other).ring.envelope().intersects(ring.envelope())
                        && Ring.interiorsIntersect(poly, parcels.get(other).ring.polygon())) {
                    first = other;
                }
            }
        }
        if (first != Integer.MAX_VALUE) {
            throw new Rejection(LandCode.OVERLAP, "the parcel overlaps parcel " + first + " of territory " + territory);
        }
        return ring;
    }

    /** Checks that an assessment may be set on a parcel. */
    public void checkAssessment(int parcel, long value) {
        Parcel p = requireParcel(parcel);
        if (territories.get(p.territory).tenure() != Tenure.LAND_VALUE) {
            throw new Rejection(LandCode.NOT_LAND_VALUE, "parcel " + parcel + " is in a territory under Harberger "
                    + "tenure");
        }
        if (value < 0) {
            throw new Rejection(LandCode.PRICE_NOT_POSITIVE, "an assessment is 0 or more, not " + value);
        }
    }

    // ---- money, through the economy's land escrow --------------------------------------------------------------

    /** The transaction being applied (null at the end of a block or when a proposal is carried out). */
    private org.phyle.crypto.Hash tx;

    private void hold(TxContext ctx, String from, long amount) {
        ctx.send(new LandEscrow.Hold(from, amount, "land", tx));
    }

    private void pay(TxContext ctx, String to, long amount) {
        pay(ctx.block(), to, amount);
    }

    private void pay(BlockContext ctx, String to, long amount) {
        ctx.send(new LandEscrow.Pay(to, amount, "land", tx));
    }

    private void revenue(TxContext ctx, long amount, String memo) {
        revenue(ctx.block(), amount, memo);
    }

    private void revenue(BlockContext ctx, long amount, String memo) {
        ctx.send(new LandEscrow.Revenue(amount, memo, tx));
    }

    // ---- transactions -----------------------------------------------------------------------------------------

    void apply(LandTx body, TxContext ctx) {
        tx = ctx.txId();
        try {
            rules(body, ctx);
        } finally {
            tx = null;
        }
    }

    private void rules(LandTx body, TxContext ctx) {
        switch (body) {
            case LandTx.Establish e -> establish(e, ctx);
            case LandTx.NewParcel n -> {
                Territory t = requireTerritory(n.territory());
                if (!ctx.signer().did().equals(t.steward())) {
                    throw new Rejection(LandCode.NOT_THE_STEWARD, "the steward of territory " + t.number() + " is "
                            + t.steward());
                }
                Ring ring = checkParcel(n.territory(), n.geometry(), n.areaM2(), ctx.parameters());
                addParcel(t, ring, n.areaM2(), n.reservedFor().orElse(""), ctx.time());
            }
            case LandTx.Claim c -> claim(c, ctx);
            case LandTx.SetPrice s -> {
                Parcel p = holderOf(s.parcel(), ctx);
                Territory t = harberger(p);
                noBid(p);
                checkPrice(t, p, s.price());
                settle(p, ctx.block());
                p.price = s.price();
                p.priceHeight = ctx.height();
                reschedule(p);
            }
            case LandTx.Deposit d -> {
                Parcel p = holderOf(d.parcel(), ctx);
                positiveDeposit(d.amount());
                add(p.deposit, d.amount());
                add(held, d.amount());
                spendable(ctx, d.amount(), LandCode.FUNDS_SHORT);
                settle(p, ctx.block());
                hold(ctx, p.holder, d.amount());
                p.deposit += d.amount();
                held += d.amount();
                reschedule(p);
            }
            case LandTx.Withdraw w -> {
                Parcel p = holderOf(w.parcel(), ctx);
                positiveDeposit(w.amount());
                long left = depositAt(p, ctx.time());
                if (w.amount() >= left) {
                    throw new Rejection(LandCode.WITHDRAW_TOO_MUCH, "the deposit holds " + Money.format(left)
                            + " now; some of it must remain");
                }
                settle(p, ctx.block());
                pay(ctx, p.holder, w.amount());
                p.deposit -= w.amount();
                held -= w.amount();
                reschedule(p);
            }
            case LandTx.Release r -> {
                Parcel p = holderOf(r.parcel(), ctx);
                noBid(p);
                settle(p, ctx.block());
                if (p.deposit > 0) {
                    pay(ctx, p.holder, p.deposit);
                }
                held -= p.deposit;
                vacate(p);
            }
            case LandTx.Bid b -> bid(b, ctx);
            case LandTx.Accept a -> {
                Parcel p = holderOf(a.parcel(), ctx);
                requireBid(p);
                settle(p, ctx.block());
                completeSale(p, ctx.time(), ctx.block());
            }
            case LandTx.Reject r -> reject(r, ctx);
            case LandTx.Build b -> {
                Parcel p = holderOf(b.parcel(), ctx);
                settle(p, ctx.block()); // the new building's tax accrues from now
                BuildingTax tax = new BuildingTax(buildings, p.number);
                tax.changed(ctx.time(), ctx.height(), epochOf(ctx.time(), ctx.parameters()));
                taxes.add(tax);
                p.buildings.add(new Parcel.Building(buildings++, b.description(), b.value(), ctx.time()));
                reschedule(p);
            }
            case LandTx.Reside r -> {
                Parcel p = requireParcel(r.parcel());
                Person person = person(ctx);
                if (!person.activeCitizen(ctx.time()) && person.status() != Status.E_RESIDENT) {
                    throw new Rejection(LandCode.NOT_RESIDENT_ELIGIBLE, "the key acts for a person who is "
                            + person.status().json() + (person.lapsed(ctx.time()) ? " (lapsed)" : ""));
                }
                Integer old = residences.put(person.number(), p.number);
                if (old != null) {
                    parcels.get(old).residents.remove(person.number());
                }
                p.residents.add(person.number());
            }
            case LandTx.Leave l -> {
                Person person = person(ctx);
                Integer old = residences.remove(person.number());
                if (old == null) {
                    throw new Rejection(LandCode.NOT_RESIDING, "the person has no residence registered");
                }
                parcels.get(old).residents.remove(person.number());
                opinionKeys.remove(person.number());
            }
            case LandTx.OpinionKey k -> opinionKey(k, ctx);
            case LandTx.RecordRing r -> recordRing(r, ctx);
            case LandTx.Opine o -> opine(o, ctx);
        }
    }

    // ---- the floating building tax ----------------------------------------------------------------------------

    private void opinionKey(LandTx.OpinionKey k, TxContext ctx) {
        Person person = person(ctx);
        if (!residences.containsKey(person.number())) {
            throw new Rejection(LandCode.NOT_RESIDING, "an opinion key is registered with a residence; register one "
                    + "first");
        }
        org.phyle.crypto.ring.RistrettoElement e;
        try {
            e = BuildingTax.element(k.key());
        } catch (IllegalArgumentException ex) {
            throw new Rejection(LandCode.OPINION_KEY_INVALID, "the key is not a ristretto255 encoding in base64url");
        }
        if (e.isIdentity()) {
            throw new Rejection(LandCode.OPINION_KEY_INVALID, "the key is the identity element");
        }
        boolean proven;
        try {
            org.phyle.crypto.Hash society = ctx.facts().society();
            proven = org.phyle.crypto.ring.Blsag.verify(BuildingTax.keyProofMessage(society, ctx.signer().did()),
                    org.phyle.crypto.ring.Ring.of(List.of(e)), BuildingTax.keyProofContext(society),
                    org.phyle.crypto.ring.BlsagSignature.decode(java.util.Base64.getUrlDecoder().decode(k.proof())));
        } catch (IllegalArgumentException ex) {
            proven = false;
        }
        if (!proven) {
            throw new Rejection(LandCode.OPINION_KEY_UNPROVEN, "the proof is not a signature by the key of this "
                    + "society and your key");
        }
        if (keyOwners.containsKey(k.key())) {
            throw new Rejection(LandCode.OPINION_KEY_TAKEN, "the key " + k.key() + " was registered before");
        }
        long epoch = epochOf(ctx.time(), ctx.parameters());
        OpinionKey old = opinionKeys.get(person.number());
        String current = old == null ? "" : old.at(epoch);
        opinionKeys.put(person.number(), new OpinionKey(current, k.key(), epoch + 1));
        keyOwners.put(k.key(), person.number());
    }

    private BuildingTax requireBuilding(int number) {
        return buildingTax(number).orElseThrow(() -> new Rejection(LandCode.UNKNOWN_BUILDING, "there is no building "
                + number));
    }

    private static long currentEpoch(TxContext ctx, long claimed) {
        long epoch = epochOf(ctx.time(), ctx.parameters());
        if (claimed != epoch) {
            throw new Rejection(LandCode.WRONG_EPOCH, "the epoch now is " + epoch + ", not " + claimed);
        }
        return epoch;
    }

    /**
     * A parcel's reference point, in 1e-7 degree: the centre of its bounding box, rounded down (integers, the same on
     * every machine). Distances between residents and buildings are between their parcels' reference points.
     */
    static long[] centre(Parcel p) {
        org.locationtech.jts.geom.Envelope e = p.ring.envelope();
        return new long[] {Math.floorDiv((long) e.getMinX() + (long) e.getMaxX(), 2),
                Math.floorDiv((long) e.getMinY() + (long) e.getMaxY(), 2)};
    }

    /** The geodesic distance in metres between two parcels' reference points (GeographicLib, WGS 84). */
    static double distance(Parcel a, Parcel b) {
        long[] x = centre(a);
        long[] y = centre(b);
        return net.sf.geographiclib.Geodesic.WGS84.Inverse(x[1] / (double) Ring.SCALE, x[0] / (double) Ring.SCALE,
                y[1] / (double) Ring.SCALE, y[0] / (double) Ring.SCALE,
                net.sf.geographiclib.GeodesicMask.DISTANCE).s12;
    }

    private void recordRing(LandTx.RecordRing r, TxContext ctx) {
        BuildingTax b = requireBuilding(r.building());
        long epoch = currentEpoch(ctx, r.epoch());
        if (b.ring != null && b.epoch == epoch) {
            throw new Rejection(LandCode.RING_RECORDED, "building " + b.building + " has its ring for epoch " + epoch);
        }
        List<org.phyle.crypto.ring.RistrettoElement> keys = new ArrayList<>();
        org.phyle.crypto.ring.Ring ring;
        try {
            for (String m : r.members()) {
                keys.add(BuildingTax.element(m));
            }
            ring = org.phyle.crypto.ring.Ring.of(keys);
        } catch (IllegalArgumentException ex) {
            throw new Rejection(LandCode.RING_MALFORMED, ex.getMessage() == null ? "a key is not valid"
                    : ex.getMessage());
        }
        // the two-level rule: members within radius + 1 m, everyone left out beyond radius - 1 m
        Parcel at = parcels.get(b.parcel);
        long radius = ctx.parameters().get(LandParams.NEIGHBOUR_RADIUS_M);
        java.util.Set<String> members = new java.util.TreeSet<>(r.members());
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (Map.Entry<Integer, OpinionKey> e : opinionKeys.entrySet()) {
            String key = e.getValue().at(epoch);
            Integer home = residences.get(e.getKey());
            if (key.isEmpty() || home == null) {
                continue;
            }
            known.add(key);
            double d = distance(parcels.get(home), at);
            if (members.contains(key) && d > radius + 1) {
                throw new Rejection(LandCode.RING_MEMBER_TOO_FAR, "the key " + key + " belongs to a resident "
                        + Math.round(d) + " m away");
            }
            if (!members.contains(key) && d < radius - 1) {
                throw new Rejection(LandCode.RING_NEIGHBOUR_MISSING, "the ring leaves out the key " + key
                        + " of a resident " + Math.round(d) + " m away");
            }
        }
        for (String m : r.members()) {
            if (!known.contains(m)) {
                throw new Rejection(LandCode.RING_MEMBER_UNKNOWN, "the key " + m + " is no resident's opinion key in "
                        + "epoch " + epoch);
            }
        }
        notDue(at, ctx.time());
        if (at.state == Parcel.State.HELD) {
            settle(at, ctx.block());
        }
        b.remainder = Accrual.rescale(b.remainder, b.denominator(), ring.size());
        b.ring = ring;
        b.epoch = epoch;
        b.until = Math.multiplyExact(epoch + 1, epochMs(ctx.parameters()));
        b.said.clear();
        b.recount();
        b.changed(ctx.time(), ctx.height(), epoch);
        reschedule(at);
    }

    private void opine(LandTx.Opine o, TxContext ctx) {
        BuildingTax b = requireBuilding(o.building());
        long epoch = currentEpoch(ctx, o.epoch());
        if (b.ring == null || b.epoch != epoch) {
            throw new Rejection(LandCode.NO_RING, "building " + b.building + " has no ring recorded for epoch "
                    + epoch);
        }
        org.phyle.crypto.ring.BlsagSignature sig;
        try {
            sig = org.phyle.crypto.ring.BlsagSignature.decode(java.util.Base64.getUrlDecoder().decode(o.signature()));
        } catch (IllegalArgumentException ex) {
            throw new Rejection(LandCode.RING_SIGNATURE_MALFORMED, ex.getMessage() == null ? "not a signature"
                    : ex.getMessage());
        }
        if (sig.ringSize() != b.ring.size()) {
            throw new Rejection(LandCode.RING_SIGNATURE_MALFORMED, "the signature is over a ring of "
                    + sig.ringSize() + "; the building's ring has " + b.ring.size());
        }
        String tag = BuildingTax.b64(sig.linkingTag());
        Integer other = tagBuildings.get(tag);
        if (other != null && other != b.building) {
            throw new Rejection(LandCode.OPINION_REPLAYED, "the linking tag is one of building " + other + "'s");
        }
        org.phyle.crypto.Hash society = ctx.facts().society();
        if (!org.phyle.crypto.ring.Blsag.verify(BuildingTax.message(society, b.building, epoch, o.seq(), o.opinion()),
                b.ring, BuildingTax.context(society, b.building), sig)) {
            throw new Rejection(LandCode.OPINION_NOT_IN_RING, "the signature does not verify over building "
                    + b.building + "'s ring for epoch " + epoch);
        }
        BuildingTax.Said last = b.said.get(tag);
        if (last != null && last.height() == ctx.height()) {
            throw new Rejection(LandCode.OPINION_SAME_BLOCK, "this linking tag has an opinion in this block already");
        }
        if (last != null && o.seq() <= last.seq()) {
            throw new Rejection(LandCode.OPINION_STALE, "the last opinion with this tag has sequence " + last.seq());
        }
        Parcel at = parcels.get(b.parcel);
        notDue(at, ctx.time());
        if (at.state == Parcel.State.HELD) {
            settle(at, ctx.block()); // at the old rate up to now
        }
        int approvals = b.approvals;
        int disapprovals = b.disapprovals;
        b.said.put(tag, new BuildingTax.Said(o.opinion(), o.seq(), ctx.height()));
        b.recount();
        if (b.approvals != approvals || b.disapprovals != disapprovals) {
            b.changed(ctx.time(), ctx.height(), epoch);
        }
        tagBuildings.put(tag, b.building);
        reschedule(at);
    }

    private void establish(LandTx.Establish e, TxContext ctx) {
        Economy.Campaign c = ctx.view(Economy.class).campaign(e.campaign()).orElseThrow(() ->
                new Rejection(EconomyCode.UNKNOWN_CAMPAIGN, "there is no campaign " + e.campaign()));
        if (c.state() != Economy.Campaign.State.FUNDED) {
            throw new Rejection(LandCode.CAMPAIGN_NOT_FUNDED, "campaign " + e.campaign() + " is "
                    + c.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (byCampaign.containsKey(e.campaign())) {
            throw new Rejection(LandCode.ALREADY_ESTABLISHED, "campaign " + e.campaign() + " established territory "
                    + byCampaign.get(e.campaign()));
        }
        if (!ctx.signer().did().equals(c.steward())) {
            throw new Rejection(LandCode.NOT_THE_STEWARD, "the campaign's steward is " + c.steward());
        }
        byCampaign.put(e.campaign(), territories.size());
        addTerritory(e.name(), c.country(), e.tenure(), e.rateBp(), e.minPricePerM2(), c.steward(), e.campaign(),
                ctx.time(), ctx.height());
    }

    private void claim(LandTx.Claim c, TxContext ctx) {
        Parcel p = requireParcel(c.parcel());
        notDue(p, ctx.time());
        Territory t = territories.get(p.territory);
        String me = ctx.signer().did();
        long cost = 0; // what the buyer pays the former holder: nothing for a vacant parcel, the auction's price now
        switch (p.state) {
            case HELD -> throw new Rejection(LandCode.NOT_AVAILABLE, "parcel " + p.number + " is held by " + p.holder);
            case VACANT -> {
                if (!p.reservedFor.isEmpty() && !p.reservedFor.equals(me)) {
                    throw new Rejection(LandCode.RESERVED, "parcel " + p.number + " is reserved for " + p.reservedFor);
                }
                if (c.quote() != 0) {
                    throw new Rejection(LandCode.STALE_PRICE, "a vacant parcel costs nothing: quote 0");
                }
            }
            case AUCTION -> {
                // the price only falls, so a quote read before the block is the most the buyer will pay: it must
                // reach the price at the block's time, and the buyer pays that price, not the quote
                cost = auctionPriceAt(p, ctx.time());
                if (c.quote() < cost) {
                    throw new Rejection(LandCode.STALE_PRICE, "the auction's price now is " + Money.format(cost)
                            + ", above the quote of " + Money.format(c.quote()));
                }
            }
        }
        positiveDeposit(c.deposit());
        long price = 0;
        if (t.tenure() == Tenure.HARBERGER) {
            price = c.price().orElseThrow(() -> new Rejection(LandCode.PRICE_NOT_POSITIVE,
                    "a parcel under Harberger tenure is claimed with a stated price"));
            checkPrice(t, p, price);
        } else if (c.price().isPresent()) {
            throw new Rejection(LandCode.NOT_HARBERGER, "a parcel under the land value tax has no stated price");
        }
        long total = add(cost, c.deposit());
        add(held, c.deposit());
        spendable(ctx, total, LandCode.FUNDS_SHORT);
        hold(ctx, me, total);
        if (cost > 0) {
            pay(ctx, p.formerHolder, cost);
        }
        held += c.deposit();
        p.state = Parcel.State.HELD;
        p.holder = me;
        p.reservedFor = "";
        p.formerHolder = "";
        p.auctionPrice = 0;
        p.auctionStart = 0;
        p.auctionEnd = 0;
        p.price = price;
        p.priceHeight = ctx.height();
        p.deposit = c.deposit();
        p.taxFrom = ctx.time();
        freshRemainders(p);
        reschedule(p);
    }

    private void bid(LandTx.Bid b, TxContext ctx) {
        Parcel p = requireParcel(b.parcel());
        notDue(p, ctx.time());
        if (p.state != Parcel.State.HELD) {
            throw new Rejection(LandCode.NOT_HELD, "parcel " + p.number + " is " + p.state.json());
        }
        harberger(p);
        String me = ctx.signer().did();
        if (p.holder.equals(me)) {
            throw new Rejection(LandCode.SELF_BID, "you hold parcel " + p.number);
        }
        noBid(p);
        if (b.quote() != p.price || p.priceHeight >= ctx.height()) {
            throw new Rejection(LandCode.STALE_PRICE, "parcel " + p.number + "'s price is " + Money.format(p.price)
                    + (p.priceHeight >= ctx.height() ? ", set in this block" : "") + "; the bid quoted "
                    + Money.format(b.quote()));
        }
        positiveDeposit(b.deposit());
        long total = add(b.quote(), b.deposit());
        add(held, total);
        spendable(ctx, total, LandCode.COLLATERAL_SHORT);
        hold(ctx, me, total);
        held += total;
        long window = ctx.parameters().get(LandParams.BID_WINDOW_DAYS) * DAY;
        p.bid = new Parcel.Bid(me, b.quote(), b.deposit(), ctx.time(), ctx.time() + window);
        reschedule(p);
    }

    private void reject(LandTx.Reject r, TxContext ctx) {
        Parcel p = holderOf(r.parcel(), ctx);
        Parcel.Bid bid = requireBid(p);
        if (r.price() < bid.price()) {
            throw new Rejection(LandCode.REJECT_TOO_LOW, "the bid is " + Money.format(bid.price())
                    + "; the new price must be at least that");
        }
        long penalty = Money.mulDiv(bid.price(), ctx.parameters().get(LandParams.REJECT_PENALTY_BP), 10_000);
        spendable(ctx, penalty, LandCode.FUNDS_SHORT);
        settle(p, ctx.block());
        if (penalty > 0) {
            hold(ctx, p.holder, penalty);
            revenue(ctx, penalty, "bid rejected, parcel " + p.number);
        }
        pay(ctx, bid.bidder(), bid.price() + bid.deposit());
        held -= bid.price() + bid.deposit();
        p.bid = null;
        p.price = r.price();
        p.priceHeight = ctx.height();
        reschedule(p);
    }

    // ---- governance -------------------------------------------------------------------------------------------

    void addTerritory(String name, String country, Tenure tenure, int rateBp, long minPerM2, String steward,
                      int campaign, long time, long height) {
        territories.add(new Territory(territories.size(), name, country, tenure, rateBp, minPerM2, steward, campaign,
                time, height));
    }

    void addParcel(Territory t, Ring ring, long area, String reservedFor, long time) {
        Parcel p = new Parcel(parcels.size(), t.number(), ring, area, time);
        p.reservedFor = reservedFor;
        parcels.add(p);
        index(p);
    }

    /** Sets an assessment (checked by the sender): the tax is settled at the old value up to now first. */
    void assess(int parcel, long value, String by, BlockContext ctx) {
        Parcel p = parcels.get(parcel);
        catchUp(p, ctx);
        if (p.state == Parcel.State.HELD) {
            settle(p, ctx);
        }
        p.assessments.add(new Parcel.Assessment(ctx.time(), value, by));
        reschedule(p);
    }

    // ---- time -------------------------------------------------------------------------------------------------

    /** At the end of a block: everything due by its time, in time order. */
    void endBlock(BlockContext ctx) {
        while (!dues.isEmpty() && dues.first().time() <= ctx.time()) {
            processDue(parcels.get(dues.first().parcel()), ctx);
        }
    }

    private void catchUp(Parcel p, BlockContext ctx) {
        while (p.due <= ctx.time()) {
            processDue(p, ctx);
        }
    }

    private void processDue(Parcel p, BlockContext ctx) {
        long at = p.due;
        switch (p.state) {
            case HELD -> {
                if (p.bid != null && p.bid.until() == at) {
                    settleTo(p, at, ctx);
                    completeSale(p, at, ctx);
                } else {
                    foreclose(p, at, ctx);
                }
            }
            case AUCTION -> vacate(p);
            case VACANT -> throw new IllegalStateException("nothing is due on a vacant parcel");
        }
    }

    /** The deposit is used up: all of it is paid as tax, an open bid is returned, the auction starts. */
    private void foreclose(Parcel p, long at, BlockContext ctx) {
        if (p.deposit > 0) {
            revenue(ctx, p.deposit, "land tax, parcel " + p.number);
            p.taxPaid += p.deposit;
            held -= p.deposit;
        }
        if (p.bid != null) {
            pay(ctx, p.bid.bidder(), p.bid.price() + p.bid.deposit());
            held -= p.bid.price() + p.bid.deposit();
            p.bid = null;
        }
        p.auctionPrice = base(p);
        p.deposit = 0;
        freshRemainders(p);
        p.taxFrom = at;
        p.formerHolder = p.holder;
        p.holder = "";
        p.state = Parcel.State.AUCTION;
        p.auctionStart = at;
        p.auctionEnd = at + ctx.parameters().get(LandParams.AUCTION_DAYS) * DAY;
        reschedule(p);
    }

    /** The open bid completes at a time (tax settled up to it): the old holder is paid and gets the deposit back. */
    private void completeSale(Parcel p, long at, BlockContext ctx) {
        Parcel.Bid b = p.bid;
        pay(ctx, p.holder, b.price() + p.deposit);
        held -= b.price() + p.deposit;
        p.holder = b.bidder();
        p.price = b.price();
        p.priceHeight = ctx.height();
        p.deposit = b.deposit();
        p.taxFrom = at;
        freshRemainders(p);
        p.bid = null;
        reschedule(p);
    }

    private void vacate(Parcel p) {
        p.state = Parcel.State.VACANT;
        p.holder = "";
        p.formerHolder = "";
        p.price = 0;
        p.deposit = 0;
        freshRemainders(p);
        p.auctionPrice = 0;
        p.auctionStart = 0;
        p.auctionEnd = 0;
        reschedule(p);
    }

    private void settle(Parcel p, BlockContext ctx) {
        settleTo(p, ctx.time(), ctx);
    }

    /**
     * Pays the tax accrued up to a time (before anything is due) from the deposit into the treasury: the parcel's,
     * then each building's in number order.
     */
    private void settleTo(Parcel p, long time, BlockContext ctx) {
        Accrual.Owed o = owed(p, time);
        long tax = Math.min(o.tax(), p.deposit); // more only when the deposit runs out at this very time
        if (tax > 0) {
            revenue(ctx, tax, "land tax, parcel " + p.number);
            p.deposit -= tax;
            p.taxPaid += tax;
            held -= tax;
        }
        p.remainder = o.remainder();
        for (Parcel.Building building : p.buildings) {
            BuildingTax b = taxes.get(building.number());
            Accrual.Owed ob = buildingOwed(p, building, time);
            long bt = Math.min(ob.tax(), p.deposit);
            if (bt > 0) {
                revenue(ctx, bt, "building tax, building " + b.building);
                p.deposit -= bt;
                b.taxPaid += bt;
                held -= bt;
            }
            b.remainder = ob.remainder();
        }
        p.taxFrom = Math.max(p.taxFrom, time);
    }

    private Accrual.Owed owed(Parcel p, long time) {
        return Accrual.owed(base(p), territories.get(p.territory).rateBp(), time - p.taxFrom, p.remainder);
    }

    /**
     * A building's tax from its parcel's last settlement to a time, piecewise: at the ring's rate until the ring's
     * epoch ends, then at 2.5% (no ring), over the same denominator so the remainder carries exactly.
     */
    private Accrual.Owed buildingOwed(Parcel p, Parcel.Building building, long time) {
        BuildingTax b = taxes.get(building.number());
        long value = building.value();
        long den = b.denominator();
        long tax = 0;
        long rem = b.remainder;
        long end = Math.min(time, b.until);
        if (end > p.taxFrom) {
            Accrual.Owed o = Accrual.owed(value, b.numerator(p.taxFrom), den, end - p.taxFrom, rem);
            tax = o.tax();
            rem = o.remainder();
        }
        long start = Math.max(p.taxFrom, b.until);
        if (time > start) {
            Accrual.Owed o = Accrual.owed(value, BuildingTax.HALF_BP * den, den, time - start, rem);
            tax = saturated(tax, o.tax());
            rem = o.remainder();
        }
        return new Accrual.Owed(tax, rem);
    }

    /** The parcel's tax and its buildings' from the last settlement to a time (not capped by the deposit). */
    private long totalOwed(Parcel p, long time) {
        long sum = owed(p, time).tax();
        for (Parcel.Building building : p.buildings) {
            sum = saturated(sum, buildingOwed(p, building, time).tax());
        }
        return sum;
    }

    private static long saturated(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    /** A new holder's (or no holder's) taxes start afresh: no remainder carried. */
    private void freshRemainders(Parcel p) {
        p.remainder = 0;
        for (Parcel.Building building : p.buildings) {
            taxes.get(building.number()).remainder = 0;
        }
    }

    private void reschedule(Parcel p) {
        if (p.due != Long.MAX_VALUE) {
            dues.remove(new Due(p.due, p.number));
        }
        p.due = switch (p.state) {
            case VACANT -> Long.MAX_VALUE;
            case AUCTION -> p.auctionEnd;
            case HELD -> p.bid == null ? exhaustedAt(p) : Math.min(exhaustedAt(p), p.bid.until());
        };
        if (p.due != Long.MAX_VALUE) {
            dues.add(new Due(p.due, p.number));
        }
    }

    // ---- rules shared by the handlers -------------------------------------------------------------------------

    private Parcel holderOf(int number, TxContext ctx) {
        Parcel p = requireParcel(number);
        notDue(p, ctx.time());
        if (p.state != Parcel.State.HELD) {
            throw new Rejection(LandCode.NOT_HELD, "parcel " + number + " is " + p.state.json());
        }
        if (!p.holder.equals(ctx.signer().did())) {
            throw new Rejection(LandCode.NOT_THE_HOLDER, "parcel " + number + " is held by " + p.holder);
        }
        return p;
    }

    private static void notDue(Parcel p, long time) {
        if (p.due <= time) {
            throw new Rejection(LandCode.DUE_PENDING, "parcel " + p.number + " has something due at " + p.due);
        }
    }

    private Territory harberger(Parcel p) {
        Territory t = territories.get(p.territory);
        if (t.tenure() != Tenure.HARBERGER) {
            throw new Rejection(LandCode.NOT_HARBERGER, "territory " + t.number() + " is under the land value tax");
        }
        return t;
    }

    private static void noBid(Parcel p) {
        if (p.bid != null) {
            throw new Rejection(LandCode.BID_OPEN, "parcel " + p.number + " has an open bid until " + p.bid.until());
        }
    }

    private static Parcel.Bid requireBid(Parcel p) {
        if (p.bid == null) {
            throw new Rejection(LandCode.NO_BID, "parcel " + p.number + " has no open bid");
        }
        return p.bid;
    }

    private static void checkPrice(Territory t, Parcel p, long price) {
        if (price <= 0) {
            throw new Rejection(LandCode.PRICE_NOT_POSITIVE, "a price must be positive, not " + price);
        }
        long min = minimum(t, p.area);
        if (price < min) {
            throw new Rejection(LandCode.PRICE_UNDER_MINIMUM, "the minimum price of parcel " + p.number + " ("
                    + p.area + " m²) is " + Money.format(min));
        }
    }

    private static long minimum(Territory t, long area) {
        try {
            return Math.multiplyExact(t.minPricePerM2(), area);
        } catch (ArithmeticException e) {
            throw new Rejection(LandCode.OVERFLOW, "the minimum price per m² times the area overflows");
        }
    }

    private static void positiveDeposit(long amount) {
        if (amount <= 0) {
            throw new Rejection(LandCode.DEPOSIT_NOT_POSITIVE, "a deposit must be positive, not " + amount);
        }
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Rejection(LandCode.OVERFLOW, "the sum overflows");
        }
    }

    private static void spendable(TxContext ctx, long amount, LandCode code) {
        long s = ctx.view(Economy.class).spendable(ctx.signer().did(), ctx.time());
        if (s < amount) {
            throw new Rejection(code, "you may spend " + Money.format(s) + "; this needs " + Money.format(amount));
        }
    }

    private static Person person(TxContext ctx) {
        Registry r = ctx.view(Registry.class);
        return r.byCurrentKey(ctx.signer()).filter(p -> p.status().live()).orElseThrow(() ->
                new Rejection(LandCode.NOT_RESIDENT_ELIGIBLE, "the key " + ctx.signer().did()
                        + " does not act for a registered person"));
    }

    private void index(Parcel p) {
        shapes.computeIfAbsent(p.territory, x -> new Quadtree()).insert(p.ring.envelope(), p.number);
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(territories.size());
        for (Territory t : territories) {
            w.writeString(t.name()).writeString(t.country()).writeString(t.tenure().json()).writeInt(t.rateBp())
                    .writeLong(t.minPricePerM2()).writeString(t.steward()).writeInt(t.campaign())
                    .writeLong(t.created()).writeLong(t.height());
        }
        w.writeInt(parcels.size());
        for (Parcel p : parcels) {
            w.writeInt(p.territory).writeLong(p.area).writeLong(p.created).writeInt(p.ring.size());
            for (int i = 0; i < p.ring.size(); i++) {
                w.writeInt(p.ring.lon(i)).writeInt(p.ring.lat(i));
            }
            w.writeString(p.state.json()).writeString(p.reservedFor).writeString(p.holder).writeLong(p.price)
                    .writeLong(p.priceHeight).writeLong(p.deposit).writeLong(p.taxFrom).writeLong(p.remainder)
                    .writeLong(p.taxPaid).writeString(p.formerHolder).writeLong(p.auctionPrice)
                    .writeLong(p.auctionStart).writeLong(p.auctionEnd);
            w.writeBoolean(p.bid != null);
            if (p.bid != null) {
                w.writeString(p.bid.bidder()).writeLong(p.bid.price()).writeLong(p.bid.deposit())
                        .writeLong(p.bid.at()).writeLong(p.bid.until());
            }
            w.writeInt(p.assessments.size());
            for (Parcel.Assessment a : p.assessments) {
                w.writeLong(a.time()).writeLong(a.value()).writeString(a.by());
            }
            w.writeInt(p.buildings.size());
            for (Parcel.Building b : p.buildings) {
                w.writeInt(b.number()).writeString(b.description()).writeLong(b.value()).writeLong(b.built());
            }
        }
        w.writeInt(residences.size());
        residences.forEach((person, parcel) -> w.writeInt(person).writeInt(parcel));
        w.writeInt(buildings);
        w.writeLong(held);
        for (BuildingTax b : taxes) {
            w.writeInt(b.parcel).writeBoolean(b.ring != null);
            if (b.ring != null) {
                w.writeBytes(b.ring.encode());
            }
            w.writeLong(b.epoch).writeLong(b.until).writeLong(b.remainder).writeLong(b.taxPaid)
                    .writeInt(b.said.size());
            b.said.forEach((tag, s) -> w.writeString(tag).writeString(s.opinion().json()).writeLong(s.seq())
                    .writeLong(s.height()));
            w.writeInt(b.changes.size());
            for (BuildingTax.Change c : b.changes) {
                BuildingTax.RatePoint pt = c.point();
                w.writeLong(pt.time()).writeLong(pt.height()).writeLong(pt.epoch()).writeInt(pt.neighbours())
                        .writeInt(pt.approvals()).writeInt(pt.disapprovals()).writeLong(c.until());
            }
        }
        w.writeInt(opinionKeys.size());
        opinionKeys.forEach((person, k) -> w.writeInt(person).writeString(k.current()).writeString(k.next())
                .writeLong(k.from()));
        w.writeInt(keyOwners.size());
        keyOwners.forEach((key, person) -> w.writeString(key).writeInt(person));
        w.writeInt(tagBuildings.size());
        tagBuildings.forEach((tag, building) -> w.writeString(tag).writeInt(building));
    }

    void read(StateReader r, Reads reads) {
        int nt = r.readCount();
        for (int i = 0; i < nt; i++) {
            Territory t = new Territory(i, r.readString(), r.readString(), Tenure.fromJson(r.readString()),
                    r.readInt(), r.readLong(), r.readString(), r.readInt(), r.readLong(), r.readLong());
            territories.add(t);
            if (t.campaign() != Territory.BY_GOVERNANCE) {
                byCampaign.put(t.campaign(), i);
            }
        }
        int np = r.readCount();
        for (int i = 0; i < np; i++) {
            int territory = r.readInt();
            long area = r.readLong();
            long created = r.readLong();
            int n = r.readCount();
            int[] lon = new int[n];
            int[] lat = new int[n];
            for (int k = 0; k < n; k++) {
                lon[k] = r.readInt();
                lat[k] = r.readInt();
            }
            Parcel p = new Parcel(i, territory, new Ring(lon, lat), area, created);
            p.state = state(r.readString());
            p.reservedFor = r.readString();
            p.holder = r.readString();
            p.price = r.readLong();
            p.priceHeight = r.readLong();
            p.deposit = r.readLong();
            p.taxFrom = r.readLong();
            p.remainder = r.readLong();
            p.taxPaid = r.readLong();
            p.formerHolder = r.readString();
            p.auctionPrice = r.readLong();
            p.auctionStart = r.readLong();
            p.auctionEnd = r.readLong();
            if (r.readBoolean()) {
                p.bid = new Parcel.Bid(r.readString(), r.readLong(), r.readLong(), r.readLong(), r.readLong());
            }
            int na = r.readCount();
            for (int k = 0; k < na; k++) {
                p.assessments.add(new Parcel.Assessment(r.readLong(), r.readLong(), r.readString()));
            }
            int nb = r.readCount();
            for (int k = 0; k < nb; k++) {
                p.buildings.add(new Parcel.Building(r.readInt(), r.readString(), r.readLong(), r.readLong()));
            }
            parcels.add(p);
            index(p);
        }
        int nr = r.readCount();
        for (int i = 0; i < nr; i++) {
            int person = r.readInt();
            int parcel = r.readInt();
            residences.put(person, parcel);
            parcels.get(parcel).residents.add(person);
        }
        buildings = r.readInt();
        held = r.readLong();
        for (int i = 0; i < buildings; i++) {
            BuildingTax b = new BuildingTax(i, r.readInt());
            if (r.readBoolean()) {
                b.ring = org.phyle.crypto.ring.Ring.decode(r.readBytes());
            }
            b.epoch = r.readLong();
            b.until = r.readLong();
            b.remainder = r.readLong();
            b.taxPaid = r.readLong();
            int ns = r.readCount();
            for (int k = 0; k < ns; k++) {
                b.said.put(r.readString(), new BuildingTax.Said(BuildingTax.Opinion.fromJson(r.readString()),
                        r.readLong(), r.readLong()));
            }
            b.recount();
            int nc = r.readCount();
            for (int k = 0; k < nc; k++) {
                b.changes.add(new BuildingTax.Change(new BuildingTax.RatePoint(r.readLong(), r.readLong(),
                        r.readLong(), r.readInt(), r.readInt(), r.readInt()), r.readLong()));
            }
            taxes.add(b);
        }
        int nk = r.readCount();
        for (int i = 0; i < nk; i++) {
            opinionKeys.put(r.readInt(), new OpinionKey(r.readString(), r.readString(), r.readLong()));
        }
        int no = r.readCount();
        for (int i = 0; i < no; i++) {
            keyOwners.put(r.readString(), r.readInt());
        }
        int ng = r.readCount();
        for (int i = 0; i < ng; i++) {
            tagBuildings.put(r.readString(), r.readInt());
        }
        for (Parcel p : parcels) {
            reschedule(p);
        }
    }

    private static Parcel.State state(String s) {
        for (Parcel.State v : Parcel.State.values()) {
            if (v.json().equals(s)) {
                return v;
            }
        }
        throw new StateReader.CorruptStateException("unknown parcel state " + s);
    }
}

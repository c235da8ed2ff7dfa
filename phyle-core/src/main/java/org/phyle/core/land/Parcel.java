package org.phyle.core.land;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A parcel of a territory: its outline, declared area, holder and tenure state, the deposit its tax is paid from,
 * an open bid, a foreclosure auction, the assessments of its land value, its buildings and residents. Read through
 * its public methods; only {@link Land} changes it.
 */
public final class Parcel {
    /** Where a parcel stands. */
    public enum State {
        /** No holder: anyone (or the key it is reserved for) may claim it. */
        VACANT("vacant"),
        /** A holder holds it and pays its tax from the deposit. */
        HELD("held"),
        /** Foreclosed: sold in a Dutch auction falling from its last price to zero. */
        AUCTION("auction");

        private final String json;

        State(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** An open bid: its price and the deposit the bidder will hold, posted as collateral, and its window. */
    public record Bid(String bidder, long price, long deposit, long at, long until) {
    }

    /** A building on the parcel, numbered across the society, with the assessed value its floating tax is paid on. */
    public record Building(int number, String description, long value, long built) {
    }

    /** An assessment of the parcel's land value (buildings exempt), from when it applies, and who set it. */
    public record Assessment(long time, long value, String by) {
    }

    final int number;
    final int territory;
    final Ring ring;
    final long area;
    final long created;
    State state = State.VACANT;
    String reservedFor = "";
    String holder = "";
    long price;
    long priceHeight = -1;
    long deposit;
    long taxFrom;
    long remainder;
    long taxPaid;
    Bid bid;
    String formerHolder = "";
    long auctionPrice;
    long auctionStart;
    long auctionEnd;
    long due = Long.MAX_VALUE;
    final List<Assessment> assessments = new ArrayList<>();
    final List<Building> buildings = new ArrayList<>();
    final TreeSet<Integer> residents = new TreeSet<>();

    Parcel(int number, int territory, Ring ring, long area, long created) {
        this.number = number;
        this.territory = territory;
        this.ring = ring;
        this.area = area;
        this.created = created;
    }

    public int number() {
        return number;
    }

    public int territory() {
        return territory;
    }

    public Ring ring() {
        return ring;
    }

    /** The declared geodesic area in whole m², which every rule uses. */
    public long area() {
        return area;
    }

    public long created() {
        return created;
    }

    public State state() {
        return state;
    }

    /** The key a vacant parcel is reserved for, or empty. */
    public String reservedFor() {
        return reservedFor;
    }

    /** The holder, or empty when vacant or in auction. */
    public String holder() {
        return holder;
    }

    /** The stated price (Harberger). */
    public long price() {
        return price;
    }

    /** The height of the block in which the price was last set. */
    public long priceHeight() {
        return priceHeight;
    }

    /** The deposit as of the last settlement ({@link Land#depositAt} gives it at a time). */
    public long deposit() {
        return deposit;
    }

    /** When the tax was last settled. */
    public long taxFrom() {
        return taxFrom;
    }

    /** The part of a minor unit of tax accrued but not yet due, over 10000 × a year in ms. */
    public long remainder() {
        return remainder;
    }

    /** All the tax this parcel has paid. */
    public long taxPaid() {
        return taxPaid;
    }

    public java.util.Optional<Bid> bid() {
        return java.util.Optional.ofNullable(bid);
    }

    /** The holder who lost it, while in auction. */
    public String formerHolder() {
        return formerHolder;
    }

    public long auctionPrice() {
        return auctionPrice;
    }

    public long auctionStart() {
        return auctionStart;
    }

    public long auctionEnd() {
        return auctionEnd;
    }

    /** When something is next due: the deposit runs out, a bid's window ends, an auction ends. */
    public long due() {
        return due;
    }

    /** The assessed land value now (the last assessment), 0 if none. */
    public long assessed() {
        return assessments.isEmpty() ? 0 : assessments.get(assessments.size() - 1).value();
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<Building> buildings() {
        return List.copyOf(buildings);
    }

    /** The registry numbers of the people who reside here. */
    public List<Integer> residents() {
        return List.copyOf(residents);
    }
}

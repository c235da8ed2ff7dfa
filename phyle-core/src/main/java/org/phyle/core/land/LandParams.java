package org.phyle.core.land;

import java.util.List;
import org.phyle.core.ParameterSpec;

/**
 * The land's parameters. None is in the first set of parameters: a charter has them once its genesis or an
 * amendment sets them, and reads them as their defaults until then.
 */
public final class LandParams {
    private LandParams() {
    }

    public static final ParameterSpec AUCTION_DAYS = new ParameterSpec("land.auctionDays", 14, 1, 365, "days",
            "How long a foreclosed parcel's Dutch auction falls from its last price to zero.");
    public static final ParameterSpec BID_WINDOW_DAYS = new ParameterSpec("land.bidWindowDays", 7, 1, 90, "days",
            "How long a holder has to accept or reject a bid before the sale completes by itself.");
    public static final ParameterSpec REJECT_PENALTY_BP = new ParameterSpec("land.rejectPenaltyBp", 1_000, 0, 10_000,
            "bp", "The share of a bid a holder pays to the treasury to reject it (and must raise the price to it).");
    public static final ParameterSpec MAX_POINTS = new ParameterSpec("land.maxPoints", 500, 4, 100_000, "points",
            "The most distinct points a parcel's ring may have (a transaction holds about 600 at most).");

    public static final ParameterSpec NEIGHBOUR_RADIUS_M = new ParameterSpec("land.neighbourRadiusM", 200, 10, 10_000,
            "m", "How near (geodesic, between parcels' centres) a resident lives to a building to be its neighbour.");
    public static final ParameterSpec RING_EPOCH_DAYS = new ParameterSpec("land.ringEpochDays", 30, 1, 365, "days",
            "How long a building's ring of neighbours, and the opinions said in it, lasts before a new one is recorded.");

    public static final List<ParameterSpec> ALL = List.of(AUCTION_DAYS, BID_WINDOW_DAYS, REJECT_PENALTY_BP, MAX_POINTS,
            NEIGHBOUR_RADIUS_M, RING_EPOCH_DAYS);
}

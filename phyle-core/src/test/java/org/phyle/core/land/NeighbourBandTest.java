package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;

/**
 * The two-level rule of rings: a resident within land.neighbourRadiusM − 1 m must be in the ring, one beyond the
 * radius + 1 m must not, and one in the 2 m band between may go either way, so that no rule depends on the last bits
 * of the geodesic distance. Citizen 2 lives on parcel 0 with the building, citizen 3 on parcel 2, about 174 m away.
 */
class NeighbourBandTest {
    /** The distance between parcel 0's and parcel 2's centres, as GeographicLib gives it. */
    static final double D = Geodesic.WGS84.Inverse(38.7105, -9.1295, 38.7105, -9.1275, GeodesicMask.DISTANCE).s12;

    Neighbourhood street(long radius) {
        Neighbourhood n = new Neighbourhood(5, 3, Catalog.defaultParameters().with("land.neighbourRadiusM", radius),
                1);
        n.resident(2, 0);
        n.resident(3, 2);
        n.nextEpoch();
        return n;
    }

    @Test
    void theCentresAreWhereTheFixtureSays() {
        Neighbourhood n = street(200);
        assertThat(Land.distance(n.e.parcel(0), n.e.parcel(2))).isEqualTo(D);
        assertThat(D).isBetween(170.0, 180.0);
    }

    @Test
    void aResidentInTheBandMayBeInTheRingOrNot() {
        Neighbourhood n = street((long) Math.floor(D)); // D in [r, r + 1)
        int with = n.build(0);
        int without = n.build(0);
        n.e.m.ok(n.e.m.stranger(1), n.recordRing(with, 2, 3));
        n.e.m.ok(n.e.m.stranger(2), n.recordRing(without, 2));
        assertThat(n.tax(with).ringSize()).isEqualTo(2);
        assertThat(n.tax(without).ringSize()).isEqualTo(1);
    }

    @Test
    void aResidentWellWithinTheRadiusMustBeInTheRing() {
        Neighbourhood n = street((long) Math.floor(D) + 2); // D < r - 1
        int b = n.build(0);
        n.refused(n.recordRing(b, 2), LandCode.RING_NEIGHBOUR_MISSING);
        n.e.m.ok(n.e.m.stranger(1), n.recordRing(b, 2, 3));
    }

    @Test
    void aResidentWellBeyondTheRadiusMustNotBe() {
        Neighbourhood n = street((long) Math.floor(D) - 2); // D > r + 1
        int b = n.build(0);
        n.refused(n.recordRing(b, 2, 3), LandCode.RING_MEMBER_TOO_FAR);
        n.e.m.ok(n.e.m.stranger(1), n.recordRing(b, 2));
    }
}

package org.phyle.node.land;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.phyle.core.Rejection;
import org.phyle.core.land.LandTx;
import org.phyle.core.land.Ring;
import org.phyle.core.tx.TxBody;
import org.phyle.node.NodeCode;

/**
 * A parcel's geodesic area on WGS 84 as GeographicLib computes it, from the GeoJSON Polygon a transaction carries, with
 * the coordinates read as the core stores them (integers of 1e-7 degree): for the CLI, which declares it, and for the
 * node's admission, which asks a declared area to be within {@link #TOLERANCE_M2} of it. The core's own band is
 * lenient (10 m² + 0.01%), because consensus never depends on this computation; see docs/land.md.
 */
public final class ParcelArea {
    /** The node's band: a declared area more than this far from GeographicLib's is refused at admission. */
    public static final double TOLERANCE_M2 = 1.0;

    private ParcelArea() {
    }

    /** The area in m², or empty if the geometry is not one closed ring of [longitude, latitude] numbers (the core
     * then refuses it with its own reason). */
    public static OptionalDouble of(JsonNode geometry) {
        if (geometry == null || !geometry.isObject() || !"Polygon".equals(geometry.path("type").asText())) {
            return OptionalDouble.empty();
        }
        JsonNode rings = geometry.get("coordinates");
        if (rings == null || !rings.isArray() || rings.size() != 1 || !rings.get(0).isArray()
                || rings.get(0).size() < 4) {
            return OptionalDouble.empty();
        }
        JsonNode ring = rings.get(0);
        JsonNode first = ring.get(0);
        JsonNode last = ring.get(ring.size() - 1);
        if (!point(first) || !point(last) || scaled(first.get(0)) != scaled(last.get(0))
                || scaled(first.get(1)) != scaled(last.get(1))) {
            return OptionalDouble.empty(); // not closed: the core says so
        }
        PolygonArea p = new PolygonArea(Geodesic.WGS84, false);
        // the last point repeats the first: GeographicLib closes the polygon itself
        for (int i = 0; i < ring.size() - 1; i++) {
            JsonNode pt = ring.get(i);
            if (!point(pt)) {
                return OptionalDouble.empty();
            }
            p.AddPoint(scaled(pt.get(1)), scaled(pt.get(0)));
        }
        return OptionalDouble.of(Math.abs(p.Compute(false, true).area));
    }

    /** The area rounded to whole m², as a declaration. */
    public static long declare(JsonNode geometry) {
        return Math.round(of(geometry).orElseThrow(() -> new IllegalArgumentException(
                "the geometry is not a GeoJSON Polygon with one ring of [longitude, latitude] points")));
    }

    private static boolean point(JsonNode pt) {
        return pt.isArray() && pt.size() == 2 && pt.get(0).isNumber() && pt.get(1).isNumber();
    }

    /** Degrees as the core keeps them: an integer of 1e-7 degree, divided back (rounded if more precise). */
    private static double scaled(JsonNode n) {
        BigDecimal d = n.decimalValue().movePointRight(7).setScale(0, java.math.RoundingMode.HALF_EVEN);
        return d.longValue() / (double) Ring.SCALE;
    }

    /**
     * The node's admission policy for a new parcel ({@code land.parcel}): its declared area must be within 1 m² of
     * GeographicLib's geodesic area ({@code AREA_IMPRECISE} otherwise). A geometry the core will refuse anyway is
     * left to the core, which gives the precise reason.
     */
    public static void admit(TxBody body) {
        if (body instanceof LandTx.NewParcel p) {
            OptionalDouble area = of(p.geometry());
            if (area.isPresent() && Math.abs(p.areaM2() - area.getAsDouble()) > TOLERANCE_M2) {
                throw new Rejection(NodeCode.AREA_IMPRECISE, "the declared area is " + p.areaM2() + " m²; this node "
                        + "admits a parcel only within 1 m² of its geodesic area, " + Math.round(area.getAsDouble())
                        + " m² (GeographicLib, WGS 84)");
            }
        }
    }
}

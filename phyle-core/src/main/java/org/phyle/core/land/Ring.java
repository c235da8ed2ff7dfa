package org.phyle.core.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.phyle.core.Rejection;

/**
 * A parcel's outline: one ring of points, longitude and latitude as integers of 1e-7 degree (WGS 84), counter-clockwise,
 * stored without repeating its first point. Read from a GeoJSON Polygon whose decimal numbers are taken exactly (more
 * than 7 decimals are refused); a clockwise ring is reversed (normalised), so equal outlines are stored equally.
 *
 * <p>Validity and overlap are decided by JTS on these integers, which are exact in doubles: JTS's predicates use only
 * the basic IEEE-754 operations, which Java computes identically on every platform (the one, argued exception to "no
 * floating point in the core": docs/architecture.md). The geodesic area (GeographicLib) uses transcendental functions
 * that may differ in their last bit between platforms, so no rule depends on it: it only bounds the area that a parcel
 * declares ({@link #checkArea}), with a lenient band.
 */
public final class Ring {
    /** 1e7: the integer units of a degree. */
    public static final long SCALE = 10_000_000L;
    private static final GeometryFactory JTS = new GeometryFactory();

    private final int[] lon;
    private final int[] lat;

    Ring(int[] lon, int[] lat) {
        this.lon = lon;
        this.lat = lat;
    }

    public int size() {
        return lon.length;
    }

    public int lon(int i) {
        return lon[i];
    }

    public int lat(int i) {
        return lat[i];
    }

    /**
     * Reads {@code {"type": "Polygon", "coordinates": [[[lon, lat], ...]]}}: one closed ring (first point = last), no
     * holes; refuses, with BAD_GEOMETRY or TOO_MANY_POINTS, anything else, and any ring that is not simple.
     */
    static Ring read(JsonNode g, int maxPoints) {
        if (g == null || !g.isObject() || g.size() != 2 || !"Polygon".equals(text(g.get("type")))) {
            throw bad("geometry must be {\"type\": \"Polygon\", \"coordinates\": [[[lon, lat], ...]]}");
        }
        JsonNode rings = g.get("coordinates");
        if (rings == null || !rings.isArray() || rings.size() != 1 || !rings.get(0).isArray()) {
            throw bad("a parcel's polygon has exactly one ring (no holes)");
        }
        JsonNode ring = rings.get(0);
        int n = ring.size() - 1;
        if (n > maxPoints) {
            throw new Rejection(LandCode.TOO_MANY_POINTS, "the ring has " + n + " points; land.maxPoints is "
                    + maxPoints);
        }
        if (n < 3) {
            throw bad("a ring needs at least 3 distinct points and its first point repeated at the end");
        }
        int[] lon = new int[n + 1];
        int[] lat = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            JsonNode p = ring.get(i);
            if (!p.isArray() || p.size() != 2) {
                throw bad("a point is [longitude, latitude]");
            }
            lon[i] = degrees(p.get(0), 180);
            lat[i] = degrees(p.get(1), 90);
        }
        if (lon[0] != lon[n] || lat[0] != lat[n]) {
            throw bad("the ring is not closed: its last point must repeat its first");
        }
        Ring r = new Ring(Arrays.copyOf(lon, n), Arrays.copyOf(lat, n));
        Polygon poly = r.polygon();
        IsValidOp op = new IsValidOp(poly);
        if (!op.isValid()) {
            throw bad("the ring is not a valid polygon: " + op.getValidationError().getMessage());
        }
        if (poly.getArea() == 0) {
            throw bad("the ring encloses no area");
        }
        return org.locationtech.jts.algorithm.Orientation.isCCW(poly.getExteriorRing().getCoordinates()) ? r
                : r.reversed();
    }

    /** A degree as an exact integer of 1e-7 degree, within [-limit, limit]. */
    private static int degrees(JsonNode v, int limit) {
        if (v == null || !v.isNumber()) {
            throw bad("a coordinate is a number of degrees");
        }
        BigDecimal d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(v.asText());
        d = d.stripTrailingZeros();
        if (d.scale() > 7) {
            throw bad("a coordinate has at most 7 decimals (about 1 cm), not " + d.toPlainString());
        }
        if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw bad("a coordinate " + d.toPlainString() + " is outside [-" + limit + ", " + limit + "]");
        }
        return d.movePointRight(7).intValueExact();
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? "" : n.asText();
    }

    private static Rejection bad(String why) {
        return new Rejection(LandCode.BAD_GEOMETRY, why);
    }

    private Ring reversed() {
        int n = lon.length;
        int[] rl = new int[n];
        int[] ra = new int[n];
        for (int i = 0; i < n; i++) {
            rl[i] = lon[(n - i) % n];
            ra[i] = lat[(n - i) % n];
        }
        return new Ring(rl, ra);
    }

    /** The ring as a JTS polygon, in units of 1e-7 degree (exact in doubles). */
    Polygon polygon() {
        Coordinate[] c = new Coordinate[lon.length + 1];
        for (int i = 0; i < lon.length; i++) {
            c[i] = new Coordinate(lon[i], lat[i]);
        }
        c[lon.length] = c[0];
        return JTS.createPolygon(c);
    }

    Envelope envelope() {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int i = 0; i < lon.length; i++) {
            minX = Math.min(minX, lon[i]);
            maxX = Math.max(maxX, lon[i]);
            minY = Math.min(minY, lat[i]);
            maxY = Math.max(maxY, lat[i]);
        }
        return new Envelope(minX, maxX, minY, maxY);
    }

    /** True if the interiors of the two polygons intersect (touching edges or corners do not). */
    static boolean interiorsIntersect(Polygon a, Polygon b) {
        return a.relate(b).get(Location.INTERIOR, Location.INTERIOR) >= 0;
    }

    /** The geodesic area on WGS 84 in m², as GeographicLib computes it: for the check of a declared area only. */
    public double geodesicArea() {
        PolygonArea p = new PolygonArea(Geodesic.WGS84, false);
        for (int i = 0; i < lon.length; i++) {
            p.AddPoint(lat[i] / (double) SCALE, lon[i] / (double) SCALE);
        }
        PolygonResult r = p.Compute(false, false);
        return r.area;
    }

    /**
     * Accepts a declared area (whole m²) within 10 m² plus 0.01% of the geodesic area; the node's admission asks for
     * 1 m². Every rule then uses the declared, recorded area, never this computation.
     */
    void checkArea(long declared) {
        double computed = geodesicArea();
        if (declared < 1 || Math.abs(declared - computed) > 10 + computed * 0.0001) {
            throw new Rejection(LandCode.AREA_MISMATCH, "the declared area is " + declared + " m²; the polygon's "
                    + "geodesic area is " + Math.round(computed) + " m²");
        }
    }

    /** The GeoJSON Polygon, closed, with the decimal degrees exactly as stored. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
        ArrayNode ring = o.putArray("coordinates").addArray();
        for (int i = 0; i <= lon.length; i++) {
            int k = i % lon.length;
            ring.addArray().add(BigDecimal.valueOf(lon[k], 7).stripTrailingZeros())
                    .add(BigDecimal.valueOf(lat[k], 7).stripTrailingZeros());
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ring r && Arrays.equals(lon, r.lon) && Arrays.equals(lat, r.lat);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lon) + Arrays.hashCode(lat);
    }
}

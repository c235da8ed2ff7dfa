package org.phyle.core.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Reads;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.tx.Fields;

/**
 * The land's proposal kinds, carried out by it when they pass: a territory ({@code territory}), a parcel of a
 * territory ({@code parcel}) and an assessment of a parcel's land value ({@code assessment}).
 */
public final class LandActions {
    private LandActions() {
    }

    public static final ProposalKind TERRITORY = new ProposalKind("territory",
            "Establishes a territory: a named place in a host country, its tenure, tax rate, minimum price and steward.",
            NewTerritory::read);
    public static final ProposalKind PARCEL = new ProposalKind("parcel",
            "Draws a new parcel of a territory.", NewParcel::read);
    public static final ProposalKind ASSESSMENT = new ProposalKind("assessment",
            "Sets the assessed land value of a parcel under the land value tax (buildings exempt).", Assess::read);

    public static final List<ProposalKind> KINDS = List.of(TERRITORY, PARCEL, ASSESSMENT);

    /** {@code {"name", "country", "tenure", "rateBp", "minPricePerM2", "steward"}}. */
    public record NewTerritory(String name, String country, Tenure tenure, int rateBp, long minPricePerM2,
                               String steward) implements ProposalAction {
        public String kind() {
            return TERRITORY.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("name", name).put("country", country)
                    .put("tenure", tenure.json()).put("rateBp", rateBp).put("minPricePerM2", minPricePerM2)
                    .put("steward", steward);
        }

        public void check(Reads reads) {
        }

        static NewTerritory read(Fields f) {
            NewTerritory t = new NewTerritory(f.line("name", 1, 120), LandTx.country(f), LandTx.tenure(f),
                    (int) f.integer("rateBp", 0, 10_000), f.integer("minPricePerM2", 0, Fields.MAX_SAFE_INTEGER),
                    f.did("steward").did());
            f.end();
            return t;
        }
    }

    /** {@code {"territory", "geometry", "areaM2", "reservedFor"}}: as the steward's {@code land.parcel}. */
    public record NewParcel(int territory, JsonNode geometry, long areaM2, Optional<String> reservedFor)
            implements ProposalAction {
        public NewParcel {
            geometry = geometry.deepCopy();
        }

        public String kind() {
            return PARCEL.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("territory", territory);
            o.set("geometry", geometry.deepCopy());
            o.put("areaM2", areaM2);
            reservedFor.ifPresent(r -> o.put("reservedFor", r));
            return o;
        }

        public void check(Reads reads) {
            reads.view(Land.class).checkParcel(territory, geometry, areaM2, reads.parameters());
        }

        static NewParcel read(Fields f) {
            LandTx.NewParcel p = LandTx.NewParcel.read(f);
            return new NewParcel(p.territory(), p.geometry(), p.areaM2(), p.reservedFor());
        }
    }

    /** {@code {"parcel": 3, "value": 250000000000}}: the parcel's land value from the execution on. */
    public record Assess(int parcel, long value) implements ProposalAction {
        public String kind() {
            return ASSESSMENT.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("parcel", parcel).put("value", value);
        }

        public void check(Reads reads) {
            reads.view(Land.class).checkAssessment(parcel, value);
        }

        static Assess read(Fields f) {
            Assess a = new Assess(LandTx.number(f, "parcel"), LandTx.amount(f, "value"));
            f.end();
            return a;
        }
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.land.LandTx;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.land.ParcelArea;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "land", description = "Land: territories and parcels, Harberger tenure, the land value tax, and the "
        + "floating building tax set by neighbours' anonymous opinions.",
        subcommands = {LandCommand.Territories.class, LandCommand.TerritoryShow.class, LandCommand.ParcelGroup.class,
                LandCommand.Claim.class, LandCommand.Price.class, LandCommand.Deposit.class, LandCommand.Withdraw.class,
                LandCommand.Release.class, LandCommand.Bid.class, LandCommand.Accept.class, LandCommand.Reject.class,
                LandCommand.Buy.class, LandCommand.Build.class, LandCommand.Reside.class, LandCommand.Leave.class,
                LandCommand.Holdings.class, BuildingCommands.Show.class, BuildingCommands.RegisterKey.class,
                BuildingCommands.RecordRing.class, BuildingCommands.Opinion.class})
final class LandCommand {

    static String territoryLine(JsonNode t) {
        return String.format("#%-3d %-10s %s, %s, %d parcels (%d m²), tax %s a year  %s", t.get("number").asInt(),
                t.get("tenure").asText(), t.get("name").asText(), t.get("country").asText(), t.get("parcels").asInt(),
                t.get("areaM2").asLong(), EconomyCommand.bp(t.get("rateBp").asLong()),
                t.get("origin").asText().equals("governance") ? "by a vote" : "from campaign #"
                        + t.get("campaign").asInt());
    }

    static String parcelLine(JsonNode p, String code) {
        StringBuilder b = new StringBuilder(String.format("parcel %-4d %-8s %6d m²", p.get("number").asInt(),
                p.get("state").asText(), p.get("areaM2").asLong()));
        if (!p.get("holder").isNull()) {
            b.append("  held by ").append(p.get("holder").asText());
        }
        if (!p.get("price").isNull()) {
            b.append("  price ").append(Amounts.show(p.get("price"), code));
        }
        if (!p.get("deposit").isNull()) {
            b.append("  deposit ").append(Amounts.show(p.get("deposit"), code));
        }
        if (!p.get("auction").isNull()) {
            b.append("  in auction at ").append(Amounts.show(p.at("/auction/priceNow"), code)).append(" until ")
                    .append(Instant.ofEpochMilli(p.at("/auction/end").asLong()));
        }
        if (!p.get("bid").isNull()) {
            b.append("  bid ").append(Amounts.show(p.at("/bid/price"), code)).append(" until ")
                    .append(Instant.ofEpochMilli(p.at("/bid/until").asLong()));
        }
        return b.toString();
    }

    @Command(name = "territories", description = "Every territory, oldest first.")
    static final class Territories extends EconomyCommand.Read {
        @Override
        String path() {
            return "/land/territories";
        }

        @Override
        void print(JsonNode page, String code) {
            for (JsonNode t : page.get("territories")) {
                System.out.println(territoryLine(t));
            }
            if (page.get("territories").isEmpty()) {
                System.out.println("No territories yet.");
            }
        }
    }

    @Command(name = "territory", description = "A territory with its parcels.")
    static final class TerritoryShow extends EconomyCommand.Read {
        @Parameters(paramLabel = "N", description = "The territory's number.")
        int number;

        @Override
        String path() {
            return "/land/territories/" + number;
        }

        @Override
        void print(JsonNode t, String code) {
            System.out.println(territoryLine(t));
            System.out.println("  steward " + t.get("steward").asText() + ", minimum price "
                    + Amounts.show(t.get("minPricePerM2"), code) + " per m²");
            for (JsonNode p : t.get("parcelList")) {
                System.out.println("  " + parcelLine(p, code));
            }
        }
    }

    @Command(name = "parcel", description = "A parcel: show one, or draw a new one from a GeoJSON file.",
            subcommands = {ParcelShow.class, ParcelAdd.class})
    static final class ParcelGroup {
    }

    @Command(name = "show", description = "A parcel: geometry, holder, price, deposit, tax so far, bid, auction.")
    static final class ParcelShow extends EconomyCommand.Read {
        @Parameters(paramLabel = "N", description = "The parcel's number.")
        int number;

        @Override
        String path() {
            return "/land/parcels/" + number;
        }

        @Override
        void print(JsonNode p, String code) {
            System.out.println(parcelLine(p, code));
            System.out.println("  territory #" + p.get("territory").asInt() + " " + p.get("territoryName").asText()
                    + " (" + p.get("tenure").asText() + ", " + EconomyCommand.bp(p.get("rateBp").asLong())
                    + " a year)");
            if (!p.get("taxAccrued").isNull()) {
                System.out.println("  tax accrued since the last settlement " + Amounts.show(p.get("taxAccrued"), code)
                        + "; the deposit runs out " + (p.get("depositRunsOutAt").isNull() ? "never"
                        : Instant.ofEpochMilli(p.get("depositRunsOutAt").asLong()).toString()));
            }
            System.out.println("  tax paid " + Amounts.show(p.get("taxPaid"), code) + "; assessed "
                    + Amounts.show(p.get("assessed"), code));
            for (JsonNode b : p.get("buildings")) {
                System.out.println("  building: " + b.get("description").asText() + " (" + Amounts.show(b.get("value"),
                        code) + ")");
            }
            for (JsonNode r : p.get("residents")) {
                System.out.println("  resident: " + r.get("name").asText());
            }
            System.out.println("  geometry " + p.get("geometry"));
        }
    }

    @Command(name = "add", description = "Draw a new parcel (the territory's steward): its area is computed with "
            + "GeographicLib and declared.")
    static final class ParcelAdd implements Callable<Integer> {
        @Option(names = "--territory", required = true, description = "The territory's number.")
        int territory;

        @Option(names = "--geojson", required = true, description = "A file with a GeoJSON Polygon (or a Feature, or "
                + "a FeatureCollection of one Feature), [longitude, latitude] in degrees, at most 7 decimals.")
        Path file;

        @Option(names = "--reserved-for", description = "The did:key that alone may claim it.")
        String reservedFor;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            JsonNode g;
            try {
                g = StrictJson.parse(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
            }
            if ("FeatureCollection".equals(g.path("type").asText()) && g.path("features").size() == 1) {
                g = g.get("features").get(0);
            }
            if ("Feature".equals(g.path("type").asText())) {
                g = g.get("geometry");
            }
            long area = ParcelArea.declare(g);
            Optional<String> reserved = Optional.empty();
            if (reservedFor != null) {
                did(reservedFor, "--reserved-for");
                reserved = Optional.of(reservedFor);
            }
            System.out.println("geodesic area " + area + " m² (GeographicLib, WGS 84)");
            new Submitter(signer.node).submit(signer.key, new LandTx.NewParcel(territory, g, area, reserved));
            return 0;
        }
    }

    /** A command that signs one land transaction. */
    abstract static class Signed implements Callable<Integer> {
        @Mixin
        CitizenCommand.Signer signer;

        abstract TxBody body(Submitter s);

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, body(s));
            return 0;
        }
    }

    abstract static class OnParcel extends Signed {
        @Parameters(index = "0", paramLabel = "PARCEL", description = "The parcel's number.")
        int parcel;
    }

    @Command(name = "claim", description = "Take a vacant parcel with a deposit (and, under Harberger tenure, a price).")
    static final class Claim extends OnParcel {
        @Option(names = "--price", description = "Your price, in units (Harberger tenure).")
        String price;

        @Option(names = "--deposit", required = true, description = "Units moved to the parcel's tax deposit.")
        String deposit;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.Claim(parcel, 0, Optional.ofNullable(price).map(Amounts::parse),
                    Amounts.parse(deposit));
        }
    }

    @Command(name = "price", description = "State a new price for a parcel you hold (Harberger tenure).")
    static final class Price extends OnParcel {
        @Parameters(index = "1", paramLabel = "PRICE", description = "Units, with at most six decimals.")
        String price;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.SetPrice(parcel, Amounts.parse(price));
        }
    }

    @Command(name = "deposit", description = "Add to the tax deposit of a parcel you hold.")
    static final class Deposit extends OnParcel {
        @Parameters(index = "1", paramLabel = "AMOUNT", description = "Units, with at most six decimals.")
        String amount;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.Deposit(parcel, Amounts.parse(amount));
        }
    }

    @Command(name = "withdraw", description = "Take part of a parcel's tax deposit back (some must remain).")
    static final class Withdraw extends OnParcel {
        @Parameters(index = "1", paramLabel = "AMOUNT", description = "Units, with at most six decimals.")
        String amount;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.Withdraw(parcel, Amounts.parse(amount));
        }
    }

    @Command(name = "release", description = "Give a parcel up: the deposit comes back, the parcel is vacant.")
    static final class Release extends OnParcel {
        @Override
        TxBody body(Submitter s) {
            return new LandTx.Release(parcel);
        }
    }

    @Command(name = "bid", description = "Buy a parcel at its stated price (Harberger): the price and the deposit you "
            + "will hold are posted as collateral; the holder has a window to accept or reject.")
    static final class Bid extends OnParcel {
        @Option(names = "--deposit", required = true, description = "The deposit you will hold, in units.")
        String deposit;

        @Option(names = "--quote", description = "The price you buy at, in units (default: the price the node shows "
                + "now; a price changed since is refused with STALE_PRICE).")
        String quote;

        @Override
        TxBody body(Submitter s) {
            long q;
            if (quote != null) {
                q = Amounts.parse(quote);
            } else {
                JsonNode p = s.client().getJson("/land/parcels/" + parcel);
                if (p.get("price").isNull()) {
                    throw new IllegalArgumentException("parcel " + parcel + " has no stated price (it is "
                            + p.get("state").asText() + ", " + p.get("tenure").asText() + ")");
                }
                q = p.at("/price/minor").asLong();
                System.out.println("quoting the price " + p.at("/price/formatted").asText());
            }
            return new LandTx.Bid(parcel, q, Amounts.parse(deposit));
        }
    }

    @Command(name = "accept", description = "Accept the open bid for a parcel you hold: the sale completes now.")
    static final class Accept extends OnParcel {
        @Override
        TxBody body(Submitter s) {
            return new LandTx.Accept(parcel);
        }
    }

    @Command(name = "reject", description = "Reject the open bid: raise your price to at least the bid and pay a "
            + "penalty (a share of the bid) to the treasury.")
    static final class Reject extends OnParcel {
        @Parameters(index = "1", paramLabel = "PRICE", description = "Your new price, in units (at least the bid).")
        String price;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.Reject(parcel, Amounts.parse(price));
        }
    }

    @Command(name = "buy", description = "Buy a foreclosed parcel in its Dutch auction, with a deposit. The quote is "
            + "the most you pay: the price falls every millisecond, and you pay the price at the block's time.")
    static final class Buy extends OnParcel {
        @Option(names = "--quote", description = "The most you pay, in units (default: the auction's price the node "
                + "shows now; the block's price is lower or equal).")
        String quote;

        @Option(names = "--price", description = "Your price from then on, in units (Harberger tenure).")
        String price;

        @Option(names = "--deposit", required = true, description = "Units moved to the parcel's tax deposit.")
        String deposit;

        @Override
        TxBody body(Submitter s) {
            long q;
            if (quote != null) {
                q = Amounts.parse(quote);
            } else {
                JsonNode p = s.client().getJson("/land/parcels/" + parcel);
                if (p.get("auction").isNull()) {
                    throw new IllegalArgumentException("parcel " + parcel + " is not in an auction (it is "
                            + p.get("state").asText() + ")");
                }
                q = p.at("/auction/priceNow/minor").asLong();
                System.out.println("quoting at most " + p.at("/auction/priceNow/formatted").asText());
            }
            return new LandTx.Claim(parcel, q, Optional.ofNullable(price).map(Amounts::parse), Amounts.parse(deposit));
        }
    }

    @Command(name = "build", description = "Record a building on a parcel you hold, with its assessed value.")
    static final class Build extends OnParcel {
        @Option(names = "--description", required = true)
        String description;

        @Option(names = "--value", required = true, description = "Its assessed value, in units.")
        String value;

        @Override
        TxBody body(Submitter s) {
            return new LandTx.Build(parcel, description, Amounts.parse(value));
        }
    }

    @Command(name = "reside", description = "Register where you live (citizens and e-residents; one residence).")
    static final class Reside extends OnParcel {
        @Override
        TxBody body(Submitter s) {
            return new LandTx.Reside(parcel);
        }
    }

    @Command(name = "leave", description = "End your registered residence.")
    static final class Leave extends Signed {
        @Override
        TxBody body(Submitter s) {
            return new LandTx.Leave();
        }
    }

    @Command(name = "holdings", description = "The parcels a key holds, its deposits, its open bids and residence.")
    static final class Holdings extends EconomyCommand.Read {
        @Parameters(paramLabel = "DID", description = "A did:key.")
        String did;

        @Override
        String path() {
            did(did, "DID");
            return "/land/holdings/" + did;
        }

        @Override
        void print(JsonNode h, String code) {
            for (JsonNode p : h.get("parcels")) {
                System.out.println(parcelLine(p, code));
            }
            if (h.get("parcels").isEmpty()) {
                System.out.println("No parcels held.");
            }
            System.out.println("Deposits " + Amounts.show(h.get("deposits"), code) + "; collateral of open bids "
                    + Amounts.show(h.get("collateral"), code));
            for (JsonNode b : h.get("bids")) {
                System.out.println("  bid for parcel " + b.get("parcel").asInt() + " at "
                        + Amounts.show(b.get("price"), code) + " until " + Instant.ofEpochMilli(b.get("until").asLong()));
            }
            System.out.println(h.get("residence").isNull() ? "No residence registered."
                    : "Resides on parcel " + h.get("residence").asInt() + ".");
        }
    }

    static void did(String did, String what) {
        try {
            VerifyingKey.fromDid(did);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is a did:key, not '" + did + "'");
        }
    }
}

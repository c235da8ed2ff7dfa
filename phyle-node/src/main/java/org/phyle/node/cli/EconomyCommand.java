package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "economy", description = "The society's money: currency, supply, issuance room, treasury, dividend.")
final class EconomyCommand implements Callable<Integer> {
    @Mixin
    CitizenCommand.Reader reader;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() {
        JsonNode e = new Submitter(reader.node).client().getJson("/economy");
        if (json.json) {
            json.print(e);
            return 0;
        }
        String code = code(e);
        System.out.println("Currency:  " + e.at("/currency/name").asText() + " (" + code + "), six decimals");
        System.out.println("Supply:    " + Amounts.show(e.get("supply"), code) + " (genesis "
                + Amounts.show(e.get("genesisAllocation"), code) + ", issued " + Amounts.show(e.get("issued"), code)
                + ")");
        System.out.println("Issuance:  year " + e.at("/issuance/year").asLong() + " since the genesis: "
                + Amounts.show(e.at("/issuance/issuedThisYear"), code) + " issued, "
                + Amounts.show(e.at("/issuance/room"), code) + " more allowed (cap "
                + bp(e.at("/issuance/capBp").asLong()) + " a year)");
        System.out.println("Treasury:  " + Amounts.show(e.at("/treasury/total"), code) + " (general "
                + Amounts.show(e.at("/treasury/general"), code) + ", land " + Amounts.show(e.at("/treasury/land"), code)
                + ")");
        JsonNode d = e.get("dividend");
        System.out.println("Dividend:  " + bp(d.get("shareBp").asLong()) + " of revenue every "
                + d.get("periodDays").asLong() + " days; next " + Instant.ofEpochMilli(d.get("nextAt").asLong())
                + " (revenue so far " + Amounts.show(d.get("revenueInPeriod"), code) + ")");
        System.out.println("Accounts:  " + e.get("accounts").asInt() + "; funding rounds " + e.get("rounds").asInt()
                + "; campaigns " + e.get("campaigns").asInt());
        return 0;
    }

    /**
     * A command that reads one answer of the economy's API: as JSON with --json, else in words, with amounts in the
     * society's currency.
     */
    abstract static class Read implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CitizenCommand.Reader reader;

        @picocli.CommandLine.Mixin
        JsonOutput json;

        /** The API path to read. */
        abstract String path();

        /** The answer in words; {@code code} is the currency's code. */
        abstract void print(JsonNode answer, String code);

        @Override
        public Integer call() {
            org.phyle.node.client.NodeClient client = new Submitter(reader.node).client();
            JsonNode answer = client.getJson(path());
            if (json.json) {
                json.print(answer);
                return 0;
            }
            print(answer, code(client.getJson("/economy")));
            return 0;
        }
    }

    static String code(JsonNode economy) {
        return economy.at("/currency/code").asText();
    }

    static String bp(long bp) {
        return bp / 100 + (bp % 100 == 0 ? "" : "." + String.format("%02d", bp % 100)) + "%";
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.phyle.node.KeyFile;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wallet", description = "An account's balance, what is locked, and its locks and vesting schedules;"
        + " `wallet history` lists its movements of money.", subcommands = WalletCommand.History.class)
final class WalletCommand implements Callable<Integer> {
    static final class Whose {
        @Option(names = "--key", description = "Your key file (its did:key is the account).")
        Path key;

        @Parameters(paramLabel = "DID", description = "The account's did:key.")
        String did;
    }

    // optional to picocli so that `wallet history` needs neither; required by call()
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Whose whose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CitizenCommand.Reader reader;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() {
        if (whose == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing the account: give its DID or "
                    + "--key=<key>");
        }
        String did = whose.key != null ? KeyFile.read(whose.key).did() : whose.did;
        NodeClient client = new Submitter(reader.node).client();
        JsonNode a = client.getJson("/accounts/" + did);
        if (json.json) {
            json.print(a);
            return 0;
        }
        String code = EconomyCommand.code(client.getJson("/economy"));
        System.out.println("Account:   " + did + (a.get("person").isNull() ? ""
                : " (" + a.at("/person/name").asText() + ", #" + a.at("/person/number").asInt() + ")"));
        System.out.println("Spendable: " + Amounts.show(a.get("spendable"), code));
        System.out.println("Locked:    " + Amounts.show(a.get("locked"), code));
        for (JsonNode l : a.get("locks")) {
            System.out.println("  lock #" + l.get("id").asInt() + " (" + l.get("source").asText() + "): "
                    + Amounts.show(l.get("amount"), code) + " from " + Instant.ofEpochMilli(l.get("start").asLong())
                    + " to " + Instant.ofEpochMilli(l.get("end").asLong()) + ", cliff "
                    + Instant.ofEpochMilli(l.get("cliff").asLong()) + "; released "
                    + Amounts.show(l.get("released"), code) + ", still locked " + Amounts.show(l.get("locked"), code));
        }
        for (JsonNode p : a.get("patronOf")) {
            System.out.println("  patron of campaign #" + p.get("campaign").asInt() + " " + p.get("title").asText()
                    + " (" + p.get("state").asText() + "): pledged " + Amounts.show(p.get("pledged"), code));
        }
        return 0;
    }

    @Command(name = "history", description = "An account's movements of money, newest first: transfers in and out, "
            + "locks and vesting, contributions, payouts, pledges and refunds, treasury spends, dividends.")
    static final class History implements Callable<Integer> {
        @Option(names = "--key", description = "Your key file (its did:key is the account).")
        Path key;

        @Parameters(paramLabel = "DID", arity = "0..1", description = "The account's did:key, or treasury.")
        String did;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many (1 to 200; default: "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--before", description = "Start below this cursor (the last line's, or the answer's next).")
        String before;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((did == null) == (key == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Give the account: its DID or "
                        + "--key=<key> (one of them)");
            }
            String account = key != null ? KeyFile.read(key).did() : did;
            NodeClient client = new Submitter(reader.node).client();
            JsonNode h = client.getJson("/accounts/" + java.net.URLEncoder.encode(account,
                    java.nio.charset.StandardCharsets.UTF_8) + "/history?limit=" + limit
                    + (before == null ? "" : "&before=" + java.net.URLEncoder.encode(before,
                    java.nio.charset.StandardCharsets.UTF_8)));
            if (json.json) {
                json.print(h);
                return 0;
            }
            String code = EconomyCommand.code(client.getJson("/economy"));
            if (h.get("items").isEmpty()) {
                System.out.println(before == null ? "No movements of money yet." : "No older movements.");
                return 0;
            }
            for (JsonNode i : h.get("items")) {
                System.out.println(line(i, code));
            }
            if (!h.get("next").isNull()) {
                System.out.println("Older: phyle wallet history " + account + " --before " + h.get("next").asText());
            }
            return 0;
        }

        /** One movement: when, in or out, how much, what, with whom, and the memo and references. */
        static String line(JsonNode i, String code) {
            String sign = switch (i.get("direction").asText()) {
                case "in" -> "+";
                case "out" -> "-";
                default -> "locked ";
            };
            StringBuilder b = new StringBuilder();
            b.append(Instant.ofEpochMilli(i.get("time").asLong())).append("  ")
                    .append(String.format("%-20s", sign + Amounts.show(i.get("amount"), code))).append("  ")
                    .append(String.format("%-16s", i.get("kind").asText()));
            if (!i.get("counterparty").isNull()) {
                b.append(i.get("direction").asText().equals("out") ? " to " : " from ")
                        .append(i.get("counterparty").asText());
            }
            for (String ref : new String[] {"round", "project", "campaign", "lock"}) {
                if (!i.get(ref).isNull()) {
                    b.append(" ").append(ref).append(" #").append(i.get(ref).asInt());
                }
            }
            if (!i.get("memo").isNull()) {
                b.append(" \"").append(i.get("memo").asText()).append('"');
            }
            b.append("  [").append(i.get("cursor").asText()).append("]");
            return b.toString();
        }
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A tally in words, for people: counts of votes, shares in percent, the quorum and the outcome. With an outside
 * panel the node's scores are in weighted units, which mean nothing to a reader; they are shown as shares, next to
 * the plain counts of each side. {@code --json} prints the node's own numbers instead.
 */
final class TallyText {
    private TallyText() {
    }

    static void print(JsonNode t, List<String> options, String indent) {
        print(t, options, indent, true);
    }

    /** A provisional tally (voting goes on) says "passing so far" rather than "passed". */
    static void print(JsonNode t, List<String> options, String indent, boolean isFinal) {
        List<String> lines = lines(t, options);
        if (!isFinal) {
            lines.set(lines.size() - 1, t.path("passed").asBoolean() ? "passing so far" : "not passing so far");
        }
        for (String line : lines) {
            System.out.println(indent + line);
        }
    }

    static List<String> lines(JsonNode t, List<String> options) {
        List<String> out = new ArrayList<>();
        JsonNode outside = t.path("outside");
        boolean weighted = outside.isObject();
        String method = t.path("method").asText();
        List<Integer> winners = new ArrayList<>();
        t.path("winners").forEach(w -> winners.add(w.asInt()));
        switch (method) {
            case "yes-no" -> {
                long yes = t.path("yes").asLong();
                long no = t.path("no").asLong();
                if (weighted) {
                    out.add("yes " + percent(yes, yes + no) + " · no " + percent(no, yes + no)
                            + " of the weighted yes and no");
                } else {
                    out.add("yes " + yes + " · no " + no + " · abstain " + t.path("abstain").asLong() + "   (yes "
                            + percent(yes, yes + no) + " of yes and no)");
                }
            }
            case "ranked" -> {
                int round = 1;
                java.util.Set<Integer> eliminated = new java.util.HashSet<>();
                for (JsonNode r : t.path("rounds")) {
                    List<String> counts = new ArrayList<>();
                    long total = 0;
                    for (JsonNode c : r.path("counts")) {
                        total += c.asLong();
                    }
                    int i = 0;
                    for (JsonNode c : r.path("counts")) {
                        if (!eliminated.contains(i)) { // an option eliminated in an earlier round is not shown again
                            counts.add(label(options, i) + " " + (weighted ? percent(c.asLong(), total) : c.asLong()));
                        }
                        i++;
                    }
                    if (r.has("eliminated")) {
                        eliminated.add(r.path("eliminated").asInt());
                    }
                    out.add("round " + round++ + ": " + String.join(", ", counts)
                            + (r.path("exhausted").asLong() > 0 ? " (exhausted " + (weighted
                            ? percent(r.path("exhausted").asLong(), total + r.path("exhausted").asLong())
                            : r.path("exhausted").asLong()) + ")" : "")
                            + (r.has("eliminated") ? "; " + label(options, r.path("eliminated").asInt())
                            + " eliminated" : ""));
                }
            }
            default -> {
                long total = 0;
                for (JsonNode s : t.path("scores")) {
                    total += Math.abs(s.path("score").asLong());
                }
                for (JsonNode s : t.path("scores")) {
                    int option = s.path("option").asInt();
                    long score = s.path("score").asLong();
                    out.add(String.format("%2d  %-32s %10s%s", option, s.path("label").asText(),
                            weighted ? percent(score, total) : Long.toString(score),
                            winners.contains(option) ? "  winner" : ""));
                }
                if (t.has("creditsSpent")) {
                    out.add("voice credits spent: " + t.path("creditsSpent").asLong());
                }
            }
        }
        if (weighted) {
            out.add("outside panel: " + percent(outside.path("shareBp").asLong(), 10_000) + " of the weight; "
                    + outside.path("panelBallots").asLong() + " of " + outside.path("panelSize").asLong()
                    + " panellists voted");
            out.add("  citizens' votes: " + counts(method, outside.path("citizenScores"), options));
            out.add("  panel's votes:   " + counts(method, outside.path("panelScores"), options));
        }
        out.add(t.path("participants").asLong() + " of " + t.path("electorate").asLong() + " took part ("
                + t.path("ballots").asLong() + " ballots, " + t.path("delegated").asLong() + " by delegation"
                + (t.path("fellBack").asLong() > 0 ? ", " + t.path("fellBack").asLong() + " fell back to their own" : "")
                + "); quorum " + t.path("quorumRequired").asLong() + ": "
                + (t.path("quorumMet").asBoolean() ? "met" : "not met"));
        if (!method.equals("yes-no") && !winners.isEmpty()) {
            List<String> names = new ArrayList<>();
            winners.forEach(w -> names.add(label(options, w)));
            out.add("winner" + (names.size() > 1 ? "s" : "") + ": " + String.join(", ", names));
        }
        out.add(t.path("passed").asBoolean() ? "PASSED" : "NOT PASSED");
        return out;
    }

    private static String counts(String method, JsonNode scores, List<String> options) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            String name = method.equals("yes-no") ? List.of("yes", "no", "abstain").get(Math.min(i, 2))
                    : label(options, i);
            out.add(name + " " + scores.get(i).asLong());
        }
        return String.join(", ", out);
    }

    private static String label(List<String> options, int i) {
        return i >= 0 && i < options.size() ? options.get(i) : "option " + i;
    }

    /** part of whole in percent with one decimal, in integers (no rounding surprises). */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        long tenths = (part * 1000 + whole / 2) / whole;
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10 + "%";
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.canon.CanonTx;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "canon", description = "The canon: publish essays and proposed texts for the charter; endorse them.",
        subcommands = {CanonCommand.Publish.class, CanonCommand.Endorse.class, CanonCommand.ListTexts.class,
                CanonCommand.Show.class})
final class CanonCommand {

    @Command(name = "publish", description = {"Publish an essay (--essay) or a proposed text for the charter",
            "(--article TARGET: purpose or article:NAME). Enough endorsements put a proposed text to a vote."})
    static final class Publish implements Callable<Integer> {
        static final class Kind {
            @Option(names = "--essay", description = "An essay.")
            boolean essay;

            @Option(names = "--article", description = "A proposed text for purpose or article:NAME.")
            String target;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Kind kind;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--text", required = true, description = "The text, or @file.")
        String text;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            String body = new String(Inputs.textOrFile(text), StandardCharsets.UTF_8).strip();
            CanonTx.Publish p = kind.essay
                    ? new CanonTx.Publish(CanonTx.Kind.ESSAY, title, body, Optional.empty())
                    : new CanonTx.Publish(CanonTx.Kind.ARTICLE, title, body, Optional.of(kind.target));
            new Submitter(signer.node).submit(signer.key, p);
            return 0;
        }
    }

    @Command(name = "endorse", description = "Endorse a text of the canon.")
    static final class Endorse implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT", description = "The text's number (as `canon list` shows it) or id.")
        String text;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            org.phyle.crypto.Hash id = Refs.text(s.client(), text);
            s.submit(signer.key, new CanonTx.Endorse(id));
            JsonNode t = s.client().getJson("/canon/" + id.hex());
            if (t.has("proposal")) {
                System.out.println("It is now proposal " + t.get("proposal").asText() + " (" + t.get("proposalState")
                        .asText() + ").");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the canon, newest first, and the recognitions.")
    static final class ListTexts implements Callable<Integer> {
        @Option(names = "--kind", defaultValue = "all", description = "all, essay or article.")
        String kind;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            JsonNode page = new Submitter(reader.node).client().getJson("/canon?kind=" + kind);
            if (json.json) {
                json.print(page);
                return 0;
            }
            int needed = page.get("endorsementsRequired").asInt();
            for (JsonNode t : page.get("texts")) {
                System.out.printf("#%-4d %-7s %3d/%d %s  %s — %s%s%n", t.get("number").asInt(), t.get("kind").asText(),
                        t.get("endorsements").asInt(), needed, t.get("id").asText(), t.get("title").asText(),
                        writer(t), t.has("proposalState") ? " [proposal " + t.get("proposalState")
                                .asText() + "]" : "");
            }
            for (JsonNode a : page.get("attestations")) {
                System.out.println("Recognised: " + a.at("/author/name").asText() + " for " + a.get("target").asText()
                        + " (charter version " + a.get("charterVersion").asInt() + ", block " + a.get("height").asLong()
                        + ")");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a text of the canon.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT", description = "The text's number (as `canon list` shows it) or id.")
        String text;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            var client = new Submitter(reader.node).client();
            JsonNode t = client.getJson("/canon/" + Refs.text(client, text).hex());
            if (json.json) {
                json.print(t);
                return 0;
            }
            System.out.println(t.get("title").asText() + " (" + t.get("kind").asText()
                    + (t.has("target") ? " for " + t.get("target").asText() : "") + ") by " + writer(t)
                    + ", " + Instant.ofEpochMilli(t.get("publishedAt").asLong()));
            System.out.println();
            System.out.println(t.get("text").asText());
            System.out.println();
            System.out.println(t.get("endorsements").asInt() + " endorsements"
                    + (t.has("proposal") ? "; it is proposal " + t.get("proposal").asText() + " ("
                    + t.path("proposalState").asText() + ")" : ""));
            if (t.has("attestation")) {
                System.out.println("Adopted into charter version " + t.at("/attestation/charterVersion").asInt()
                        + " in block " + t.at("/attestation/height").asLong() + ": its author is recognised.");
            }
            return 0;
        }
    }

    /** Who wrote a text: the person's name, or for a key nobody registered its standing and did:key. */
    static String writer(JsonNode t) {
        JsonNode author = t.path("author");
        String standing = t.path("standing").asText("citizen");
        if (author.isMissingNode() || author.isNull()) {
            return t.path("authorKey").asText() + " (" + standing + ")";
        }
        return author.path("name").asText() + (standing.equals("citizen") ? "" : " (" + standing + ")");
    }
}

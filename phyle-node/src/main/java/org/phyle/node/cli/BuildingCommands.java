package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.phyle.core.economy.Money;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.LandTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.node.KeyFile;
import org.phyle.node.land.OpinionKeyFile;
import org.phyle.node.land.Opinions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The floating building tax from the command line: register an opinion key, record a building's ring, say an
 * anonymous opinion, and read a building's rate and its history.
 */
final class BuildingCommands {
    private BuildingCommands() {
    }

    @Command(name = "opinion-key", description = {"Make an opinion key and register it for the buildings near your "
            + "residence.", "The key is kept in a file readable by you only (by default beside your key file, "
            + "<key>.opinion); the node learns only its public half, with a proof that you hold it. It is in use "
            + "from the next epoch; a new key replaces the old one from the epoch after it is registered."})
    static final class RegisterKey implements Callable<Integer> {
        @Option(names = "--opinion-key", description = "Where to keep the new opinion key (default: beside --key, "
                + "<key>.opinion; never overwritten).")
        Path file;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            SigningKey key = KeyFile.read(signer.key);
            Path out = file != null ? file : OpinionKeyFile.besides(signer.key);
            if (out.toFile().exists()) {
                throw new IllegalArgumentException("opinion key file " + out + " already exists; to register a new "
                        + "key, name another file with --opinion-key");
            }
            Submitter s = new Submitter(signer.node);
            Hash society = s.societyId();
            SecureRandom random = new SecureRandom();
            RingKeyPair pair = RingKeyPair.generate(random);
            LandTx.OpinionKey body = Opinions.registration(society, key.did(), pair, random);
            OpinionKeyFile.write(out, pair, key.did()); // kept before it is sent: a registered key is never lost
            try {
                s.submit(key, body);
            } catch (Outcome.Refused e) {
                try {
                    java.nio.file.Files.deleteIfExists(out); // refused: this key was never registered
                } catch (java.io.IOException ignored) {
                    // left behind; the next attempt names another file
                }
                throw e;
            }
            JsonNode k = s.client().getJson("/land/opinion-keys/" + key.did());
            System.out.println("opinion key " + body.key() + " kept in " + out + "; in use from epoch "
                    + k.path("from").asText("now"));
            return 0;
        }
    }

    @Command(name = "ring", description = {"Record a building's ring of neighbours for the epoch now, as the node "
            + "computes it (anyone may: the core checks it).", "Signed with a fresh one-time key unless --key is "
            + "given."})
    static final class RecordRing implements Callable<Integer> {
        @Parameters(paramLabel = "BUILDING", description = "The building's number.")
        int building;

        @Option(names = "--key", description = "A key file to sign with (default: a fresh one-time key).")
        Path key;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: "
                + "${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() {
            Submitter s = new Submitter(node);
            JsonNode due = s.client().getJson("/land/buildings/" + building + "/ring");
            long epoch = due.get("epoch").asLong();
            if (due.get("recorded").asBoolean()) {
                System.out.println("building " + building + "'s ring for epoch " + epoch + " is recorded already ("
                        + due.get("members").size() + " neighbours)");
                return 0;
            }
            List<String> members = new ArrayList<>();
            due.get("members").forEach(m -> members.add(m.asText()));
            if (members.isEmpty()) {
                throw new IllegalStateException("nobody near building " + building + " has an opinion key in use in "
                        + "epoch " + epoch + ": there is no ring to record");
            }
            s.submit(key != null ? KeyFile.read(key) : SigningKey.generate(),
                    new LandTx.RecordRing(building, epoch, members));
            System.out.println("building " + building + "'s ring for epoch " + epoch + ": " + members.size()
                    + " neighbours");
            return 0;
        }
    }

    @Command(name = "opinion", description = {"Say, anonymously, whether you approve of a building near you: approve, "
            + "disapprove or withdraw (say nothing).", "Signed with your opinion key as a ring signature over the "
            + "building's neighbours, and sent in an envelope signed by a fresh one-time key, never your own. A newer "
            + "opinion replaces your older one in the same epoch."})
    static final class Opinion implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BUILDING", description = "The building's number.")
        int building;

        @Parameters(index = "1", paramLabel = "OPINION", description = "approve, disapprove or withdraw.")
        String opinion;

        @Option(names = "--opinion-key", description = "Your opinion key file (default: beside --key).")
        Path file;

        @Option(names = "--key", description = "Your key file, to find the opinion key beside it (it signs nothing).")
        Path key;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: "
                + "${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() {
            BuildingTax.Opinion said;
            try {
                said = BuildingTax.Opinion.fromJson(opinion);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("OPINION is approve, disapprove or withdraw, not '" + opinion + "'");
            }
            if (file == null && key == null) {
                throw new IllegalArgumentException("give your opinion key file with --opinion-key (or --key, to find "
                        + "it beside your key file)");
            }
            RingKeyPair pair = OpinionKeyFile.read(file != null ? file : OpinionKeyFile.besides(key));
            Submitter s = new Submitter(node);
            JsonNode b = s.client().getJson("/land/buildings/" + building);
            if (b.get("ring").isNull()) {
                throw new IllegalStateException("building " + building + " has no ring recorded for epoch "
                        + b.get("epoch").asLong() + "; record it first with `phyle land ring " + building + "`");
            }
            List<String> members = new ArrayList<>();
            b.at("/ring/members").forEach(m -> members.add(m.asText()));
            long epoch = b.at("/ring/epoch").asLong();
            if (!Opinions.inRing(members, pair)) {
                throw new IllegalStateException("your opinion key is not in building " + building + "'s ring for "
                        + "epoch " + epoch + " (a key is in use from the epoch after it is registered, for residents "
                        + "within the neighbour radius)");
            }
            Hash society = s.societyId();
            String tag = Opinions.tag(society, building, pair);
            long last = 0;
            for (JsonNode o : b.get("opinions")) {
                if (o.get("tag").asText().equals(tag)) {
                    last = o.get("seq").asLong();
                }
            }
            SecureRandom random = new SecureRandom();
            LandTx.Opine body = Opinions.opine(society, building, epoch, last + 1, said, members, pair, random);
            s.submit(SigningKey.generate(), body); // a one-time key: the envelope says nothing of who sent it
            System.out.println("said " + said.json() + " on building " + building + " (opinion " + (last + 1)
                    + " under your tag in epoch " + epoch + ")");
            return 0;
        }
    }

    @Command(name = "building", description = "A building: its tax rate now, its neighbours' ring and opinions "
            + "(approvals and disapprovals, never whose), and the history of its rate.")
    static final class Show extends EconomyCommand.Read {
        @Parameters(paramLabel = "N", description = "The building's number.")
        int number;

        @Override
        String path() {
            return "/land/buildings/" + number;
        }

        @Override
        void print(JsonNode b, String code) {
            System.out.println("building " + b.get("number").asInt() + ": " + b.get("description").asText()
                    + " (parcel " + b.get("parcel").asInt() + ", " + b.get("territoryName").asText() + ")");
            System.out.println("  rate " + b.at("/rate/percent").asText() + "% a year of "
                    + Money.format(b.get("value").get("minor").asLong()) + " " + code + "; tax paid "
                    + Money.format(b.get("taxPaid").get("minor").asLong()) + ", owed now " + Money.format(b.get("owed").get("minor").asLong()));
            if (b.get("ring").isNull()) {
                System.out.println("  no ring recorded in epoch " + b.get("epoch").asLong() + " (it ends "
                        + Instant.ofEpochMilli(b.get("epochEnds").asLong()) + "): 2.5%, as if nobody spoke");
            } else {
                System.out.println("  ring of epoch " + b.at("/ring/epoch").asLong() + " (until "
                        + Instant.ofEpochMilli(b.at("/ring/until").asLong()) + "): N=" + b.get("neighbours").asInt()
                        + " neighbours, A=" + b.get("approvals").asInt() + " approve, D="
                        + b.get("disapprovals").asInt() + " disapprove");
            }
            System.out.println("  history:");
            for (JsonNode h : b.get("history")) {
                System.out.println(String.format("    %s  %7s%%  epoch %d  N=%d A=%d D=%d%s",
                        Instant.ofEpochMilli(h.get("time").asLong()), h.at("/rate/percent").asText(),
                        h.get("epoch").asLong(), h.get("neighbours").asInt(), h.get("approvals").asInt(),
                        h.get("disapprovals").asInt(), h.get("height").isNull() ? "  (the ring's epoch ended)"
                                : "  block " + h.get("height").asLong()));
            }
        }
    }
}

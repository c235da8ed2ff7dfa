package org.phyle.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Node;

/**
 * How to act as a demo citizen in the web app: the demo prints it when it starts, and the home page of a demo says
 * it. A demo keeps everyone's keys in {@code keys/people.json}; a citizen's key is brought into a browser either as
 * the web app's encrypted backup ({@code phyle key export --web}) or by pasting its seed.
 */
public final class DemoHints {
    private DemoHints() {
    }

    /** A demo person whose key in people.json is a citizen's current key. */
    public record Citizen(String name, String did, Path people) {
        /** The command that writes this citizen's key as the web app's backup. */
        public String exportCommand() {
            return "./phyle key export --web --people " + people + " --name \"" + name + "\" --out "
                    + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-") + "-key.json";
        }
    }

    /** The first person listed in the demo's people.json who is now an active citizen with that key; empty if none. */
    public static Optional<Citizen> citizen(Node node, Path data) {
        Path people = data.resolve("keys/people.json");
        if (!Files.isRegularFile(people)) {
            return Optional.empty();
        }
        JsonNode all;
        try {
            all = StrictJson.parse(Files.readAllBytes(people));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (JsonNode p : all) {
            try {
                SigningKey key = SigningKey.fromBase64Url(p.path("seed").asText());
                boolean citizen = node.read(s -> s.registry().byCurrentKey(key.verifyingKey())
                        .map(person -> person.activeCitizen(s.time())).orElse(false));
                if (citizen) {
                    return Optional.of(new Citizen(p.path("name").asText(), key.did(), people));
                }
            } catch (RuntimeException e) {
                // not a usable entry: try the next
            }
        }
        return Optional.empty();
    }

    /** The lines the demo prints on starting, naming a citizen to act as. */
    public static String howTo(Citizen c, String pageUrl) {
        return "To act as a demo citizen in the web app, " + c.name() + " for example (" + c.did() + "):\n"
                + "  " + c.exportCommand() + "\n"
                + "  then open " + pageUrl + "me, \"Restore from a backup\", with that file and its passphrase;\n"
                + "  or paste their \"seed\" from " + c.people() + " into \"Bring in a key you have\".";
    }

    /**
     * The lines the demo prints about its land: the map, the building with its neighbours' opinions, and how to speak as
     * the neighbour who has said nothing (their key and their opinion key file); empty if the demo has no such file.
     */
    public static Optional<String> land(Path data, String pageUrl) {
        Path file = data.resolve(DemoLand.SILENT_NEIGHBOUR);
        Path people = data.resolve("keys/people.json");
        try {
            String did = StrictJson.parse(Files.readAllBytes(file)).path("did").asText();
            for (JsonNode p : StrictJson.parse(Files.readAllBytes(people))) {
                if (SigningKey.fromBase64Url(p.path("seed").asText()).did().equals(did)) {
                    Citizen c = new Citizen(p.path("name").asText(), did, people);
                    return Optional.of("The land: " + pageUrl + "land (the map, the parcels); the workshop's neighbours "
                            + "have their say on its building tax at " + pageUrl + "building?n=0.\n"
                            + "To speak there anonymously as " + c.name() + ", the neighbour who has said nothing:\n"
                            + "  " + c.exportCommand() + " (restore it on " + pageUrl + "me),\n"
                            + "  then on the building's page bring in the opinion key " + file + ".");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}

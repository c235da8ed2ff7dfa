package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.KeyFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "citizen", description = {"Citizenship: apply, vouch, challenge and judge, rotate and recover keys, renew,",
        "renounce, and read the registry. PERSON is a number, an id or a did:key."},
        subcommands = {CitizenCommand.Apply.class, CitizenCommand.Admit.class, CitizenCommand.Vouch.class,
                CitizenCommand.Challenge.class, CitizenCommand.JuryVote.class, CitizenCommand.RotateKey.class,
                CitizenCommand.Guardians.class, CitizenCommand.KeyProofCommand.class, CitizenCommand.Recover.class,
                CitizenCommand.CancelRecovery.class, CitizenCommand.CompleteRecovery.class, CitizenCommand.Renew.class,
                CitizenCommand.Renounce.class, CitizenCommand.Residence.class, CitizenCommand.HostRegister.class,
                CitizenCommand.HostEnd.class, CitizenCommand.Show.class, CitizenCommand.ListPeople.class,
                CitizenCommand.Challenges.class})
final class CitizenCommand {

    /** The options every action takes: who signs, and where to. */
    static final class Signer {
        @Option(names = "--key", required = true, description = "Your key file.")
        Path key;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
        String node;
    }

    /** A command that signs one transaction about one person (by number, id or did:key). */
    abstract static class OnPerson implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON")
        String person;

        @Mixin
        Signer signer;

        abstract TxBody body(Hash person);

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, body(s.personId(person)));
            return 0;
        }
    }

    static final class Reader {
        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
        String node;
    }

    @Command(name = "apply", description = "Apply for citizenship (or e-residency), consenting to the charter in force.")
    static final class Apply implements Callable<Integer> {
        @Mixin
        Signer signer;

        @Option(names = "--name", required = true, description = "Your name as the registry shows it.")
        String name;

        @Option(names = "--evidence", description = "A file whose SHA-256 you record as evidence (the file stays here).")
        Path evidence;

        @Option(names = "--e-resident", description = "Register as an e-resident (no vote) instead.")
        boolean eResident;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            System.out.println("You consent to the charter in force: " + s.charter().hex());
            s.submit(signer.key, new CitizenshipTx.Apply(name, eResident ? CitizenshipTx.Seeking.E_RESIDENT
                    : CitizenshipTx.Seeking.CITIZEN, s.charter(),
                    Optional.ofNullable(evidence).map(f -> Hash.sha256(Inputs.file(f)))));
            JsonNode me = s.client().getJson("/citizens/" + KeyFile.read(signer.key).did());
            System.out.println("You are person #" + me.get("number").asLong() + ", " + me.get("status").asText()
                    + ". Your person id: " + me.get("id").asText());
            return 0;
        }
    }

    @Command(name = "admit", description = "As the founder, admit an applicant directly (founding stage only).")
    static final class Admit extends OnPerson {
        @Override
        TxBody body(Hash person) {
            return new CitizenshipTx.Admit(person);
        }
    }

    @Command(name = "vouch", description = "Vouch that an applicant is a real person you know, and is not registered twice.")
    static final class Vouch extends OnPerson {
        @Override
        TxBody body(Hash person) {
            return new CitizenshipTx.Vouch(person);
        }
    }

    @Command(name = "challenge", description = "Challenge an applicant or citizen as a duplicate or fake; a jury decides.")
    static final class Challenge implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON")
        String person;

        @Option(names = "--grounds", required = true, description = "duplicate or fake")
        String grounds;

        @Option(names = "--reason", required = true, description = "Why, in words.")
        String reason;

        @Option(names = "--evidence", description = "A file whose SHA-256 you record as evidence.")
        Path evidence;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            CitizenshipTx.Grounds g = switch (grounds) {
                case "duplicate" -> CitizenshipTx.Grounds.DUPLICATE;
                case "fake" -> CitizenshipTx.Grounds.FAKE;
                default -> throw new IllegalArgumentException("--grounds is duplicate or fake");
            };
            Submitter s = new Submitter(signer.node);
            JsonNode answer = s.submit(signer.key, new CitizenshipTx.Challenge(s.personId(person), g, reason,
                    Optional.ofNullable(evidence).map(f -> Hash.sha256(Inputs.file(f)))));
            JsonNode c = s.client().getJson("/challenges/" + answer.get("txId").asText());
            System.out.println("Challenge " + c.get("id").asText() + ": " + jury(c) + "; the jury decides by "
                    + Instant.ofEpochMilli(c.get("deadline").asLong()) + ".");
            return 0;
        }
    }

    /** Who judges a challenge: a jury drawn by lot, which may not be drawn yet. */
    static String jury(JsonNode c) {
        int size = c.path("jury").size();
        if (size > 0) {
            List<String> names = new ArrayList<>();
            c.get("jury").forEach(j -> names.add("#" + j.get("number").asLong() + " " + j.get("name").asText()));
            return "a jury of " + size + " (" + String.join(", ", names) + ")";
        }
        if (c.has("juryDraw")) {
            return "its jury is being drawn by lot (draw #" + c.get("juryDraw").asLong() + ", "
                    + c.path("juryPhase").asText() + "; see `phyle sortition show " + c.get("juryDraw").asLong() + "`)";
        }
        return "its jury will be drawn by lot";
    }

    @Command(name = "jury-vote", description = "As a juror, vote on a challenge: revoke or dismiss.")
    static final class JuryVote implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CHALLENGE", description = "The challenge id.")
        String challenge;

        @Parameters(index = "1", paramLabel = "VERDICT", description = "revoke or dismiss")
        String verdict;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            CitizenshipTx.Verdict v = switch (verdict) {
                case "revoke" -> CitizenshipTx.Verdict.REVOKE;
                case "dismiss" -> CitizenshipTx.Verdict.DISMISS;
                default -> throw new IllegalArgumentException("VERDICT is revoke or dismiss");
            };
            if (!challenge.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("CHALLENGE is a challenge id (64 hex digits)");
            }
            new Submitter(signer.node).submit(signer.key, new CitizenshipTx.JuryVote(Hash.fromHex(challenge), v));
            return 0;
        }
    }

    @Command(name = "rotate-key", description = "Move your citizenship to a new key (created if the file does not exist).")
    static final class RotateKey implements Callable<Integer> {
        @Option(names = "--new-key", required = true, description = "Key file of the new key (created if missing).")
        Path newKey;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            SigningKey fresh = KeyFile.readOrCreate(newKey);
            Hash person = s.personId(KeyFile.read(signer.key).did());
            s.submit(signer.key, new CitizenshipTx.RotateKey(fresh.verifyingKey(),
                    fresh.sign(KeyProof.message(s.societyId(), person))));
            System.out.println("Your citizenship now belongs to " + fresh.did() + " (" + newKey + ").");
            return 0;
        }
    }

    @Command(name = "guardians", description = "Name the guardians who may recover your citizenship (m of n), or none.")
    static final class Guardians implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON", arity = "0..*")
        List<String> guardians = new ArrayList<>();

        @Option(names = "--threshold", required = true, description = "How many of them must agree (0 with none).")
        int threshold;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            List<Hash> ids = guardians.stream().map(s::personId).toList();
            s.submit(signer.key, new CitizenshipTx.SetGuardians(ids, threshold));
            return 0;
        }
    }

    @Command(name = "key-proof", description = {"With your new key, sign the proof your guardians need to recover your",
            "citizenship to it; prints the new key's did and the proof."})
    static final class KeyProofCommand implements Callable<Integer> {
        @Option(names = "--new-key", required = true, description = "Key file of the new key (created if missing).")
        Path newKey;

        @Option(names = "--person", required = true, description = "The person to be recovered (you).")
        String person;

        @Mixin
        Reader reader;

        @Override
        public Integer call() {
            Submitter s = new Submitter(reader.node);
            SigningKey fresh = KeyFile.readOrCreate(newKey);
            System.out.println(fresh.did());
            System.out.println(KeyProof.encode(fresh.sign(KeyProof.message(s.societyId(), s.personId(person)))));
            return 0;
        }
    }

    @Command(name = "recover", description = "As a guardian, start or approve the recovery of a person to a new key.")
    static final class Recover implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON")
        String person;

        static final class NewKey {
            @Option(names = "--new-key", description = "Key file of the new key, if you hold it.")
            Path file;

            @ArgGroup(exclusive = false)
            Given given;
        }

        static final class Given {
            @Option(names = "--new-did", required = true, description = "The new key's did (from `citizen key-proof`).")
            String did;

            @Option(names = "--proof", required = true, description = "The new key's proof (from `citizen key-proof`).")
            String proof;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        NewKey newKey;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            Hash id = s.personId(person);
            VerifyingKey key;
            byte[] proof;
            if (newKey.file != null) {
                SigningKey fresh = KeyFile.read(newKey.file);
                key = fresh.verifyingKey();
                proof = fresh.sign(KeyProof.message(s.societyId(), id));
            } else {
                key = VerifyingKey.fromDid(newKey.given.did);
                proof = java.util.Base64.getUrlDecoder().decode(newKey.given.proof);
            }
            s.submit(signer.key, new CitizenshipTx.Recover(id, key, proof));
            JsonNode p = s.client().getJson("/citizens/" + id.hex());
            JsonNode rec = p.path("recovery");
            System.out.println("Recovery of #" + p.get("number").asLong() + " to " + rec.path("newKey").asText() + ": "
                    + rec.path("approvedBy").size() + " of " + p.path("guardianThreshold").asInt()
                    + " approvals; completable from " + Instant.ofEpochMilli(rec.path("completableAt").asLong()));
            return 0;
        }
    }

    @Command(name = "cancel-recovery", description = "With your current key, cancel a recovery of your citizenship.")
    static final class CancelRecovery implements Callable<Integer> {
        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new CitizenshipTx.CancelRecovery());
            return 0;
        }
    }

    @Command(name = "complete-recovery", description = "Complete a recovery after its delay (any key may submit it).")
    static final class CompleteRecovery extends OnPerson {
        @Override
        TxBody body(Hash person) {
            return new CitizenshipTx.CompleteRecovery(person);
        }
    }

    @Command(name = "renew", description = "Renew your citizenship for another period, consenting to the charter in force.")
    static final class Renew implements Callable<Integer> {
        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, new CitizenshipTx.Renew(s.charter()));
            return 0;
        }
    }

    @Command(name = "renounce", description = "Give up your citizenship (or residence). It cannot be undone; your history stays.")
    static final class Renounce implements Callable<Integer> {
        @Option(names = "--yes", required = true, description = "Confirm that you mean it.")
        boolean yes;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new CitizenshipTx.Renounce());
            return 0;
        }
    }

    @Command(name = "residence", description = "Declare residence in a territory of the society, or end it (no TERRITORY).")
    static final class Residence implements Callable<Integer> {
        @Parameters(paramLabel = "TERRITORY", arity = "0..1")
        String territory;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new CitizenshipTx.DeclareResidence(Optional.ofNullable(territory)));
            return 0;
        }
    }

    @Command(name = "host-register", description = "As a host registrar, register a resident of the host jurisdiction.")
    static final class HostRegister implements Callable<Integer> {
        @Option(names = "--resident-key", required = true, description = "The resident's key file (created if missing).")
        Path residentKey;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--region", required = true, description = "Where in the host jurisdiction, e.g. Lisbon/Alfama.")
        String region;

        @Mixin
        Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            SigningKey resident = KeyFile.readOrCreate(residentKey);
            s.submit(signer.key, new CitizenshipTx.RegisterHostResident(resident.verifyingKey(), name, region,
                    resident.sign(KeyProof.hostResidentMessage(s.societyId()))));
            return 0;
        }
    }

    @Command(name = "host-end", description = "As a host registrar, end a host resident's registration.")
    static final class HostEnd extends OnPerson {
        @Override
        TxBody body(Hash person) {
            return new CitizenshipTx.EndHostResidence(person);
        }
    }

    @Command(name = "show", description = "Show a person, and with --history what the ledger records of them.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON")
        String person;

        @Option(names = "--history", description = "Also list the person's history, newest first.")
        boolean history;

        @Mixin
        Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            Submitter s = new Submitter(reader.node);
            JsonNode p = s.client().getJson("/citizens/" + person);
            if (json.json) {
                JsonNode out = p;
                if (history) {
                    out = ((com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy()).set("history",
                            s.client().getJson("/citizens/" + person + "/history?limit=200").get("entries"));
                }
                json.print(out);
                return 0;
            }
            System.out.println("#" + p.get("number").asLong() + "  " + p.get("name").asText() + "  " + p.get("status").asText()
                    + " since " + Instant.ofEpochMilli(p.get("since").asLong()));
            System.out.println("  id   " + p.get("id").asText());
            System.out.println("  key  " + p.get("did").asText());
            if (p.has("expiresAt")) {
                System.out.println("  renew by " + Instant.ofEpochMilli(p.get("expiresAt").asLong()) + " (admitted by "
                        + p.get("admittedBy").asText() + ")");
            }
            System.out.println("  vouched by " + names(p.get("vouchedBy")) + "; has vouched " + p.get("vouchesGiven").asInt()
                    + " time(s)");
            if (p.get("guardians").size() > 0) {
                System.out.println("  guardians " + names(p.get("guardians")) + ", " + p.get("guardianThreshold").asInt()
                        + " must agree");
            }
            if (p.has("recovery")) {
                JsonNode rec = p.get("recovery");
                System.out.println("  RECOVERY IN PROGRESS: to the key " + rec.path("newKey").asText() + ", started "
                        + Instant.ofEpochMilli(rec.path("startedAt").asLong()) + "; approved by "
                        + names(rec.path("approvedBy")) + " (" + rec.path("approvedBy").size() + " of "
                        + p.path("guardianThreshold").asInt() + " needed); it can be completed from "
                        + Instant.ofEpochMilli(rec.path("completableAt").asLong()));
                System.out.println("    If this is not you: `phyle citizen cancel-recovery --key YOUR-KEY` before then.");
            }
            if (p.has("openChallenge")) {
                System.out.println("  under challenge " + p.get("openChallenge").asText());
            }
            if (history) {
                for (JsonNode e : s.client().getJson("/citizens/" + person + "/history?limit=200").get("entries")) {
                    System.out.println("  " + Instant.ofEpochMilli(e.get("time").asLong()) + "  " + e.get("type").asText()
                            + "  block " + e.get("height").asLong() + "  tx " + e.get("txId").asText());
                }
            }
            return 0;
        }

        private static String names(JsonNode people) {
            List<String> out = new ArrayList<>();
            people.forEach(x -> out.add("#" + x.get("number").asLong() + " " + x.get("name").asText()));
            return out.isEmpty() ? "nobody" : String.join(", ", out);
        }
    }

    @Command(name = "list", description = "List the registry, paged: --status citizen|applicant|lapsed|e-resident|host-resident|revoked|renounced|ended|all.")
    static final class ListPeople implements Callable<Integer> {
        @Option(names = "--status", defaultValue = "all")
        String status;

        @Option(names = "--q", description = "A part of the name.")
        String q;

        @Option(names = "--after", defaultValue = "-1", description = "Start after this number (see 'next').")
        long after;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Mixin
        Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            String query = "/citizens?status=" + status + "&after=" + after + "&limit=" + limit
                    + (q == null ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode page = new Submitter(reader.node).client().getJson(query);
            if (json.json) {
                json.print(page);
                return 0;
            }
            for (JsonNode p : page.get("people")) {
                System.out.printf("#%-7d %-14s %-30s %s%n", p.get("number").asLong(), p.get("status").asText(),
                        p.get("name").asText(), p.get("id").asText());
            }
            List<String> counts = new ArrayList<>();
            page.get("counts").properties().forEach(e -> counts.add(e.getKey() + " " + e.getValue().asText()));
            System.out.println("In the registry: " + String.join(" · ", counts));
            if (!page.get("next").isNull()) {
                System.out.println("more: --after " + page.get("next").asLong());
            }
            return 0;
        }
    }

    @Command(name = "challenges", description = "List challenges, newest first, with their juries' votes.")
    static final class Challenges implements Callable<Integer> {
        @Option(names = "--open", description = "Undecided ones only.")
        boolean open;

        @Mixin
        Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            JsonNode all = new Submitter(reader.node).client().getJson("/challenges?open=" + open);
            if (json.json) {
                json.print(all);
                return 0;
            }
            for (JsonNode c : all.get("challenges")) {
                System.out.println(c.get("id").asText() + "  " + c.get("grounds").asText() + " against #"
                        + c.at("/person/number").asLong() + " " + c.at("/person/name").asText() + "  " + c.get("outcome").asText()
                        + "  revoke " + c.get("revokeVotes").asInt() + " / dismiss " + c.get("dismissVotes").asInt());
            }
            return 0;
        }
    }
}

package org.phyle.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.citizenship.ChallengeCase;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.citizenship.Person;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Committed;
import org.phyle.node.KeyFile;
import org.phyle.node.Node;
import org.phyle.node.store.LedgerStore;

/**
 * The demo society, created on first run in its data directory and given a history through the node's front door,
 * as its members would have written it: a founder who admits the first dozen citizens, some three hundred more
 * admitted by vouching, e-residents, host residents in five neighbourhoods, residents of a territory, a challenge
 * dismissed and one that removes a duplicate, a recovery by guardians, and an exit. Every person's key is kept in
 * {@code keys/people.json} so that demos and tests can act as them.
 */
public final class DemoSociety {
    public static final String NAME = "Lisbon Commons";
    public static final String FOUNDER_NAME = "Marta Silva";
    public static final String PURPOSE = "A network of neighbours who fund and run shared spaces together, decide by "
            + "one person one vote, and keep every decision on a ledger anyone can check.";
    public static final int FOUNDER_ADMITTED = 12;
    public static final int VOUCHED = 288;
    public static final int E_RESIDENTS = 20;
    public static final int HOST_RESIDENTS = 150;
    public static final List<String> REGIONS = List.of("Lisbon/Alfama", "Lisbon/Mouraria", "Lisbon/Graça",
            "Porto/Ribeira", "Faro/Sé");
    public static final String TERRITORY = "Casa da Horta";

    private static final String[][] HISTORY = {
        {"Founding statement", PURPOSE},
        {"Charter draft 0.1", "Articles on membership, assemblies and the handover of founder powers."},
        {"Minutes: first online assembly", "42 people attended; the charter draft was discussed."},
        {"Photo: first meetup at the Mouraria garden", null},
        {"Budget proposal 2027", "Shared workshop rent, tools library, a small events fund."},
        {"Minutes: second assembly", "Budget adopted in principle; working groups formed."},
        {"Lease offer: Rua das Flores workshop", "Three-year lease, first right of purchase."},
        {"Tools library inventory", "118 tools catalogued, 12 donated this month."},
        {"Code of conduct 1.0", null},
        {"Charter 1.0 published", "Adopted after two readings; see the canon."},
    };
    private static final String[] FIRST = {"Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo",
        "Inês", "João", "Kiara", "Luís", "Mariana", "Nuno", "Olga", "Pedro", "Quitéria", "Rui", "Sofia", "Tiago",
        "Uma", "Vasco", "Wen", "Xavier", "Yara", "Zé", "Amara", "Bilal", "Chen", "Dara"};
    private static final String[] LAST = {"Almeida", "Barros", "Costa", "Dias", "Esteves", "Ferreira", "Gomes",
        "Henriques", "Infante", "Jesus", "Lopes", "Marques", "Nunes", "Oliveira", "Pereira", "Queirós", "Rocha",
        "Santos", "Teixeira", "Vieira"};

    private DemoSociety() {
    }

    /** True if the directory already holds a ledger (a second run reuses it). */
    public static boolean exists(Path data) {
        return LedgerStore.exists(data);
    }

    /**
     * Creates the society's genesis and node in an empty data directory. The demo sets the recovery delay to zero
     * days so that its history can show a completed recovery; real societies keep a delay (7 days by default).
     */
    public static void create(Path data) {
        SigningKey founder = KeyFile.readOrCreate(data.resolve("keys/founder.key"));
        SigningKey registrar = KeyFile.readOrCreate(data.resolve("keys/host-registrar.key"));
        SigningKey nodeKey = SigningKey.generate();
        Parameters p = Parameters.defaults()
                .withKeys(CitizenshipParams.HOST_REGISTRARS.name(), List.of(registrar.verifyingKey()))
                .with(CitizenshipParams.RECOVERY_DELAY_DAYS.name(), 0);
        Block genesis = Society.createGenesis(founder, FOUNDER_NAME, nodeKey, NAME, PURPOSE, p, System.currentTimeMillis());
        Node.init(data, genesis, nodeKey);
    }

    /** What the seeding did, for messages and tests. */
    public record Seeded(int transactions, long citizens, Hash dismissedChallenge, Hash revokedChallenge,
                         Hash recoveredPerson, Hash renouncedPerson) {
    }

    /** Gives a freshly created society its history through the node (which must be started). */
    public static Seeded seed(Node node, Path data) {
        return new Seeder(node, data).run();
    }

    /** Only the founder's ten notary records: a small ledger, for tests of the ledger itself. */
    public static void seedRecordsOnly(Node node, Path data) {
        Seeder s = new Seeder(node, data);
        s.records();
        s.waitForAll();
    }

    /** The keys of everyone the demo created, by name (the founder is "Marta Silva"). */
    public static Map<String, SigningKey> keys(Path data) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        keys.put(FOUNDER_NAME, KeyFile.read(data.resolve("keys/founder.key")));
        Path people = data.resolve("keys/people.json");
        if (Files.exists(people)) {
            try {
                for (JsonNode p : StrictJson.parse(Files.readAllBytes(people))) {
                    keys.put(p.get("name").asText(), SigningKey.fromBase64Url(p.get("seed").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static final class Seeder {
        private final Node node;
        private final Path data;
        private final Hash society;
        private final Hash charter;
        private final SigningKey founder;
        private final SigningKey registrar;
        private final Map<String, SigningKey> keys = new LinkedHashMap<>();
        private final List<CompletableFuture<Committed>> pending = new ArrayList<>();
        private int transactions;
        private int nonce;

        Seeder(Node node, Path data) {
            this.node = node;
            this.data = data;
            this.society = node.read(Society::id);
            this.charter = node.read(Society::charterHash);
            this.founder = KeyFile.read(data.resolve("keys/founder.key"));
            this.registrar = KeyFile.read(data.resolve("keys/host-registrar.key"));
        }

        void records() {
            for (String[] event : HISTORY) {
                Hash digest = Hash.sha256((event[0] + "\n" + (event[1] == null ? "" : event[1]))
                        .getBytes(StandardCharsets.UTF_8));
                submit(founder, new NotaryRecord(digest, event[0], Optional.ofNullable(event[1])));
            }
        }

        Seeded run() {
            records();

            // the founding stage: the founder admits the first dozen
            List<String> names = names(FOUNDER_ADMITTED + VOUCHED + E_RESIDENTS + HOST_RESIDENTS + 4);
            int next = 0;
            Map<String, Integer> quota = new HashMap<>(); // vouches left, per citizen, in this period
            List<String> citizens = new ArrayList<>();
            for (int i = 0; i < FOUNDER_ADMITTED; i++) {
                String name = names.get(next++);
                Hash id = apply(name, CitizenshipTx.Seeking.CITIZEN);
                submit(founder, new CitizenshipTx.Admit(id));
                citizens.add(name);
                quota.put(name, 5);
            }
            // everyone else by three vouches from citizens with vouches left
            for (int i = 0; i < VOUCHED; i++) {
                String name = names.get(next++);
                Hash id = apply(name, CitizenshipTx.Seeking.CITIZEN);
                List<String> vouchers = new ArrayList<>(citizens);
                vouchers.sort(Comparator.comparing((String c) -> -quota.get(c)).thenComparing(citizens::indexOf));
                for (String voucher : vouchers.subList(0, 3)) {
                    submit(keys.get(voucher), new CitizenshipTx.Vouch(id));
                    quota.merge(voucher, -1, Integer::sum);
                }
                citizens.add(name);
                quota.put(name, 5);
            }
            for (int i = 0; i < E_RESIDENTS; i++) {
                apply(names.get(next++), CitizenshipTx.Seeking.E_RESIDENT);
            }
            for (int i = 0; i < HOST_RESIDENTS; i++) {
                String name = names.get(next++);
                SigningKey key = newKey(name);
                submit(registrar, new CitizenshipTx.RegisterHostResident(key.verifyingKey(), name,
                        REGIONS.get(i % REGIONS.size()), key.sign(KeyProof.hostResidentMessage(society))));
            }
            for (int i = 0; i < 30; i++) {
                submit(keys.get(citizens.get(3 + i * 7)), new CitizenshipTx.DeclareResidence(Optional.of(TERRITORY)));
            }
            waitForAll();

            // a challenge the jury dismisses: an honest newcomer mistaken for someone else
            String newcomer = names.get(next++);
            Hash newcomerId = apply(newcomer, CitizenshipTx.Seeking.CITIZEN);
            Hash dismissed = challenge(citizens.get(5), newcomerId, CitizenshipTx.Grounds.DUPLICATE,
                    "Looks like #4 in the photo from the Mouraria meetup.");
            judge(dismissed, CitizenshipTx.Verdict.DISMISS);
            vouchWith(citizens, quota, newcomerId, 3);

            // a duplicate the jury removes: the same person applying under a second name, vouched by careless friends
            String duplicate = citizens.get(20).split(" ")[0] + " Segunda";
            Hash duplicateId = apply(duplicate, CitizenshipTx.Seeking.CITIZEN);
            List<String> careless = vouchWith(citizens, quota, duplicateId, 3);
            waitForAll();
            Hash revoked = challenge(citizens.get(6), duplicateId, CitizenshipTx.Grounds.DUPLICATE,
                    "Same person as #" + personOf(citizens.get(20)).number() + ", registered twice; vouched by "
                            + String.join(", ", careless) + ".");
            judge(revoked, CitizenshipTx.Verdict.REVOKE);

            // a recovery: a citizen who lost their phone gets their citizenship back through guardians
            String loser = citizens.get(40);
            Person lost = personOf(loser);
            List<Hash> guardians = List.of(personOf(citizens.get(41)).id(), personOf(citizens.get(42)).id(),
                    personOf(citizens.get(43)).id());
            submit(keys.get(loser), new CitizenshipTx.SetGuardians(guardians, 2));
            SigningKey replacement = SigningKey.generate();
            keys.put(loser, replacement); // the new key is theirs from now on
            byte[] proof = replacement.sign(KeyProof.message(society, lost.id()));
            submit(keys.get(citizens.get(41)), new CitizenshipTx.Recover(lost.id(), replacement.verifyingKey(), proof));
            submit(keys.get(citizens.get(43)), new CitizenshipTx.Recover(lost.id(), replacement.verifyingKey(), proof));
            submit(keys.get(citizens.get(41)), new CitizenshipTx.CompleteRecovery(lost.id()));

            // an exit
            String leaver = citizens.get(60);
            Hash leaverId = personOf(leaver).id();
            submit(keys.get(leaver), new CitizenshipTx.Renounce());
            waitForAll();
            saveKeys();
            long count = node.read(s -> s.registry().activeCitizens(s.time()));
            return new Seeded(transactions, count, dismissed, revoked, lost.id(), leaverId);
        }

        private Hash apply(String name, CitizenshipTx.Seeking seeking) {
            SigningKey key = newKey(name);
            return submit(key, new CitizenshipTx.Apply(name, seeking, charter, Optional.empty()));
        }

        private SigningKey newKey(String name) {
            SigningKey key = SigningKey.generate();
            keys.put(name, key);
            return key;
        }

        private List<String> vouchWith(List<String> citizens, Map<String, Integer> quota, Hash applicant, int n) {
            List<String> chosen = new ArrayList<>();
            for (int i = citizens.size() - 1; i >= 0 && chosen.size() < n; i--) {
                String c = citizens.get(i);
                if (quota.get(c) > 0) {
                    submit(keys.get(c), new CitizenshipTx.Vouch(applicant));
                    quota.merge(c, -1, Integer::sum);
                    chosen.add(c);
                }
            }
            return chosen;
        }

        private Hash challenge(String challenger, Hash target, CitizenshipTx.Grounds grounds, String reason) {
            Hash id = submit(keys.get(challenger), new CitizenshipTx.Challenge(target, grounds, reason, Optional.empty()));
            waitForAll();
            return id;
        }

        /** The jury's majority votes the verdict; one juror votes the other way and one does not vote. */
        private void judge(Hash challenge, CitizenshipTx.Verdict verdict) {
            ChallengeCase c = node.read(s -> s.registry().challenge(challenge).orElseThrow());
            int[] jury = c.jury();
            CitizenshipTx.Verdict other = verdict == CitizenshipTx.Verdict.REVOKE ? CitizenshipTx.Verdict.DISMISS
                    : CitizenshipTx.Verdict.REVOKE;
            submit(keyOfNumber(jury[0]), new CitizenshipTx.JuryVote(challenge, other));
            for (int i = 1; i <= jury.length / 2 + 1; i++) {
                submit(keyOfNumber(jury[i]), new CitizenshipTx.JuryVote(challenge, verdict));
            }
            waitForAll();
        }

        private Person personOf(String name) {
            SigningKey key = keys.get(name);
            return node.read(s -> s.registry().byCurrentKey(key.verifyingKey()).orElseThrow());
        }

        private SigningKey keyOfNumber(int number) {
            String name = node.read(s -> s.registry().byNumber(number).orElseThrow().name());
            return number == 0 ? founder : keys.get(name);
        }

        private Hash submit(SigningKey key, TxBody body) {
            byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, "demo" + nonce++,
                    System.currentTimeMillis() + 600_000));
            var tx = node.decoder().decode(envelope);
            pending.add(node.submit(tx));
            transactions++;
            return tx.id();
        }

        private void waitForAll() {
            for (CompletableFuture<Committed> f : pending) {
                f.join();
            }
            pending.clear();
        }

        private void saveKeys() {
            ArrayNode people = StrictJson.mapper().createArrayNode();
            keys.forEach((name, key) -> people.addObject().put("name", name).put("did", key.did())
                    .put("seed", key.seedBase64Url()));
            Path file = data.resolve("keys/people.json");
            try {
                Files.writeString(file, people.toPrettyString() + "\n");
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> names(int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; out.size() < n; i++) {
                String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
                if (i >= FIRST.length * LAST.length) {
                    name += " " + (i / (FIRST.length * LAST.length) + 1);
                }
                if (!out.contains(name) && !name.equals(FOUNDER_NAME)) {
                    out.add(name);
                }
            }
            return out;
        }
    }
}

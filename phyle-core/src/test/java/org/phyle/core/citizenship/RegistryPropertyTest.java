package org.phyle.core.citizenship;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.citizenship.CitizenshipTx.*;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * Properties of the registry over generated histories of every citizenship transaction (most of them refused: the
 * generator picks signers and targets at random), with time jumping past quotas, deadlines, delays and renewals.
 * After every block: no key acts for two people and every live person's key acts for them; the counts equal a
 * recount of the registry; and at the end, replaying the sealed blocks (and restoring a snapshot) reproduces it.
 */
class RegistryPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theRegistryStaysConsistentAndReplays(long seed) {
        Random random = new Random(seed);
        Town town = new Town(Catalog.defaultParameters().with("citizenship.vouchesRequired", 2)
                .with("citizenship.jurySize", 3).with("charter.communityAt", 6)
                .with("citizenship.vouchesPerPeriod", 3));
        List<SigningKey> keys = new ArrayList<>();
        keys.add(town.founder);
        for (int i = 0; i < 40; i++) {
            keys.add(Town.key(1000 + (int) seed * 100 + i));
        }
        keys.add(town.registrar);
        List<Block> blocks = new ArrayList<>();
        Map<Integer, Hash> digests = new HashMap<>();

        for (int b = 0; b < 80; b++) {
            town.later(jump(random));
            BlockBuilder builder = town.society.newBlock(town.now);
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                Generated g = randomTx(random, town, keys);
                builder.offer(town.tx(g.signer(), g.body()));
            }
            if (builder.isEmpty()) {
                builder.abandon();
            } else {
                blocks.add(builder.seal(town.sequencer));
                digests.put(blocks.size(), town.society.digest());
                for (Block proof = town.proveOneDue(); proof != null; proof = town.proveOneDue()) {
                    blocks.add(proof); // juries drawn by lot, as the node would
                    digests.put(blocks.size(), town.society.digest());
                }
            }
            checkInvariants(town, keys);
        }

        Society replica = Society.fromGenesis(town.genesis);
        for (int i = 0; i < blocks.size(); i++) {
            replica.apply(blocks.get(i));
            assertThat(replica.digest()).as("seed %d, block %d", seed, i + 1).isEqualTo(digests.get(i + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        town.society.writeSnapshot(out);
        Society restored = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(restored.digest()).isEqualTo(town.society.digest());
        assertThat(restored.registry().counts(town.now)).isEqualTo(town.registry().counts(town.now));
        for (SigningKey k : keys) {
            assertThat(restored.registry().byCurrentKey(k.verifyingKey()).map(Person::number))
                    .isEqualTo(town.registry().byCurrentKey(k.verifyingKey()).map(Person::number));
        }
    }

    private static long jump(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 8 * Town.DAY;    // past jury deadlines and recovery delays
            case 1 -> 31 * Town.DAY;   // a new vouching period
            case 2 -> random.nextInt(3) == 0 ? 400 * Town.DAY : 1000; // now and then towards lapsing
            default -> 1000 + random.nextInt(60_000);
        };
    }

    record Generated(SigningKey signer, TxBody body) {
    }

    /**
     * A transaction that usually makes sense (a citizen vouching for an applicant, a juror of an open challenge
     * voting, a guardian recovering) and sometimes does not: a random signer or target, a stale charter.
     */
    private static Generated randomTx(Random random, Town town, List<SigningKey> keys) {
        Registry r = town.registry();
        List<Person> people = r.all();
        Person anyone = people.get(random.nextInt(people.size()));
        SigningKey randomKey = keys.get(random.nextInt(keys.size()));
        boolean sensible = random.nextInt(5) != 0;
        Person citizen = pick(random, people, p -> p.activeCitizen(town.now), anyone);
        Person applicant = pick(random, people, p -> p.status() == Status.APPLICANT, anyone);
        SigningKey citizenKey = sensible ? keyOf(citizen, keys, randomKey) : randomKey;
        SigningKey unused = pickKey(random, keys, k -> r.byAnyKey(k.verifyingKey()).isEmpty(), randomKey);
        Hash charter = random.nextInt(20) == 0 ? Hash.sha256("stale".getBytes()) : town.charter();
        return switch (random.nextInt(16)) {
            case 0, 1 -> new Generated(sensible ? unused : randomKey, new Apply("P" + random.nextInt(100),
                    random.nextInt(4) == 0 ? Seeking.E_RESIDENT : Seeking.CITIZEN, charter, Optional.empty()));
            case 2 -> new Generated(sensible ? town.founder : randomKey, new Admit(applicant.id()));
            case 3, 4, 5 -> new Generated(citizenKey, new Vouch(sensible ? applicant.id() : anyone.id()));
            case 6 -> new Generated(citizenKey, new CitizenshipTx.Challenge(sensible ? pick(random, people,
                    p -> p.status() == Status.APPLICANT || p.status() == Status.CITIZEN, anyone).id() : anyone.id(),
                    random.nextBoolean() ? Grounds.FAKE : Grounds.DUPLICATE, "generated", Optional.empty()));
            case 7, 8 -> {
                List<ChallengeCase> cs = r.challenges();
                if (cs.isEmpty()) {
                    yield new Generated(randomKey, new JuryVote(Hash.sha256("none".getBytes()), Verdict.DISMISS));
                }
                ChallengeCase c = cs.get(cs.size() - 1 - random.nextInt(Math.min(cs.size(), 3)));
                int[] jury = c.jury();
                SigningKey juror = sensible && jury.length > 0 ? keyOf(people.get(jury[random.nextInt(jury.length)]), keys, randomKey)
                        : randomKey;
                yield new Generated(juror, new JuryVote(c.id(), random.nextBoolean() ? Verdict.REVOKE : Verdict.DISMISS));
            }
            case 9 -> {
                Person p = sensible ? citizen : anyone;
                yield new Generated(keyOf(p, keys, randomKey), town.rotateTo(p, sensible ? unused : randomKey));
            }
            case 10 -> {
                List<Hash> gs = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    gs.add(pick(random, people, q -> q.activeCitizen(town.now), anyone).id());
                }
                yield new Generated(citizenKey, new SetGuardians(gs, 1 + random.nextInt(gs.size())));
            }
            case 11 -> {
                Person ward = pick(random, people, q -> q.guardians().length > 0, anyone);
                int[] gs = ward.guardians();
                SigningKey guardian = sensible && gs.length > 0
                        ? keyOf(people.get(gs[random.nextInt(gs.length)]), keys, randomKey) : randomKey;
                SigningKey to = ward.recovering() && sensible ? keyFor(ward.recoveryKey(), keys, unused) : unused;
                yield new Generated(guardian, town.recoverTo(ward, to));
            }
            case 12 -> {
                Person ward = pick(random, people, Person::recovering, anyone);
                yield random.nextBoolean() ? new Generated(keyOf(ward, keys, randomKey), new CancelRecovery())
                        : new Generated(randomKey, new CompleteRecovery(ward.id()));
            }
            case 13 -> random.nextInt(4) == 0 ? new Generated(keyOf(anyone, keys, randomKey), new Renounce())
                    : new Generated(keyOf(pick(random, people, q -> q.status() == Status.CITIZEN, anyone), keys,
                            randomKey), new Renew(charter));
            case 14 -> new Generated(sensible ? town.registrar : randomKey, town.hostResident(unused, "H",
                    "R" + random.nextInt(3)));
            default -> random.nextBoolean()
                    ? new Generated(sensible ? town.registrar : randomKey, new EndHostResidence(pick(random, people,
                            q -> q.status() == Status.HOST_RESIDENT, anyone).id()))
                    : new Generated(keyOf(anyone, keys, randomKey), new DeclareResidence(Optional.of("T" + random.nextInt(3))));
        };
    }

    private static Person pick(Random random, List<Person> people, java.util.function.Predicate<Person> filter,
                               Person fallback) {
        List<Person> matching = people.stream().filter(filter).toList();
        return matching.isEmpty() ? fallback : matching.get(random.nextInt(matching.size()));
    }

    private static SigningKey pickKey(Random random, List<SigningKey> keys,
                                      java.util.function.Predicate<SigningKey> filter, SigningKey fallback) {
        List<SigningKey> matching = keys.stream().filter(filter).toList();
        return matching.isEmpty() ? fallback : matching.get(random.nextInt(matching.size()));
    }

    private static SigningKey keyOf(Person p, List<SigningKey> keys, SigningKey fallback) {
        return keyFor(p.key(), keys, fallback);
    }

    private static SigningKey keyFor(KeyRef ref, List<SigningKey> keys, SigningKey fallback) {
        for (SigningKey k : keys) {
            if (KeyRef.of(k.verifyingKey()).equals(ref)) {
                return k;
            }
        }
        return fallback;
    }

    private static void checkInvariants(Town town, List<SigningKey> keys) {
        Registry r = town.registry();
        Set<KeyRef> liveKeys = new HashSet<>();
        Map<String, Long> recount = new HashMap<>();
        for (Person p : r.all()) {
            if (p.status().live()) {
                assertThat(liveKeys.add(p.key())).as("two live people share a key").isTrue();
            }
            String s = p.lapsed(town.now) ? "lapsed" : p.status().json();
            recount.merge(s, 1L, Long::sum);
        }
        for (Map.Entry<String, Long> e : r.counts(town.now).entrySet()) {
            assertThat(e.getValue()).as("count of " + e.getKey()).isEqualTo(recount.getOrDefault(e.getKey(), 0L));
        }
        assertThat(r.activeCitizens(town.now)).isEqualTo(r.all().stream().filter(p -> p.activeCitizen(town.now)).count());
        for (SigningKey k : keys) {
            Optional<Person> p = r.byCurrentKey(k.verifyingKey());
            p.ifPresent(person -> assertThat(person.key()).isEqualTo(KeyRef.of(k.verifyingKey())));
        }
        for (Person p : r.all()) {
            assertThat(r.byId(p.id())).containsSame(p);
        }
    }
}

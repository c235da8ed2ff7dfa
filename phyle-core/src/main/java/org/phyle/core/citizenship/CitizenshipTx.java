package org.phyle.core.citizenship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * The transactions of citizenship. People are named by their person id (the id of the transaction that registered
 * them), which survives key rotation and recovery; keys are did:keys. There is deliberately no way to transfer a
 * citizenship: {@code citizenship.transfer} exists only to be refused with {@code NOT_TRANSFERABLE}.
 */
public sealed interface CitizenshipTx extends TxBody {
    int MAX_NAME = 100;
    int MAX_REASON = 2000;
    int MAX_PLACE = 100;

    /** What an application seeks. */
    enum Seeking {
        CITIZEN("citizen"), E_RESIDENT("e-resident");

        final String json;

        Seeking(String json) {
            this.json = json;
        }
    }

    /** Why a person is challenged. */
    enum Grounds {
        DUPLICATE("duplicate"), FAKE("fake");

        final String json;

        Grounds(String json) {
            this.json = json;
        }
    }

    /** A juror's verdict. */
    enum Verdict {
        REVOKE("revoke"), DISMISS("dismiss");

        final String json;

        Verdict(String json) {
            this.json = json;
        }
    }

    /** {@code citizenship.apply}: a new key applies (or an e-resident asks for citizenship), consenting to the charter. */
    record Apply(String name, Seeking seeking, Hash charter, Optional<Hash> evidence) implements CitizenshipTx {
        public static final String TYPE = "citizenship.apply";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = object().put("name", name).put("seeking", seeking.json).put("charter", charter.hex());
            evidence.ifPresent(e -> o.put("evidence", e.hex()));
            return o;
        }
    }

    /** {@code citizenship.admit}: the founder admits an applicant directly, during the founding stage. */
    record Admit(Hash person) implements CitizenshipTx {
        public static final String TYPE = "citizenship.admit";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("person", person.hex());
        }
    }

    /** {@code citizenship.vouch}: a citizen vouches that an applicant is a real, unique person. */
    record Vouch(Hash person) implements CitizenshipTx {
        public static final String TYPE = "citizenship.vouch";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("person", person.hex());
        }
    }

    /** {@code citizenship.challenge}: a citizen challenges an applicant or citizen as a duplicate or fake. */
    record Challenge(Hash person, Grounds grounds, String reason, Optional<Hash> evidence) implements CitizenshipTx {
        public static final String TYPE = "citizenship.challenge";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = object().put("person", person.hex()).put("grounds", grounds.json).put("reason", reason);
            evidence.ifPresent(e -> o.put("evidence", e.hex()));
            return o;
        }
    }

    /** {@code citizenship.juryVote}: a juror of a challenge votes to revoke or to dismiss. */
    record JuryVote(Hash challenge, Verdict verdict) implements CitizenshipTx {
        public static final String TYPE = "citizenship.juryVote";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("challenge", challenge.hex()).put("verdict", verdict.json);
        }
    }

    /**
     * {@code citizenship.rotateKey}: signed by the current key, moves the person to a new key; {@code proof} is the new
     * key's signature of {@link KeyProof#message}, so nobody binds a key they do not hold.
     */
    record RotateKey(VerifyingKey newKey, byte[] proof) implements CitizenshipTx {
        public static final String TYPE = "citizenship.rotateKey";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("newKey", newKey.did()).put("proof", KeyProof.encode(proof));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RotateKey r && r.newKey.equals(newKey) && java.util.Arrays.equals(r.proof, proof);
        }

        @Override
        public int hashCode() {
            return newKey.hashCode();
        }
    }

    /** {@code citizenship.setGuardians}: names the m-of-n guardians who may recover this citizenship. */
    record SetGuardians(List<Hash> guardians, int threshold) implements CitizenshipTx {
        public static final String TYPE = "citizenship.setGuardians";

        public SetGuardians {
            guardians = List.copyOf(guardians);
        }

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = object();
            ArrayNode a = o.putArray("guardians");
            guardians.forEach(g -> a.add(g.hex()));
            o.put("threshold", threshold);
            return o;
        }
    }

    /**
     * {@code citizenship.recover}: a guardian starts the recovery of a person's citizenship to a new key, or approves
     * the one under way (same new key). {@code proof} is the new key's signature of {@link KeyProof#message}.
     */
    record Recover(Hash person, VerifyingKey newKey, byte[] proof) implements CitizenshipTx {
        public static final String TYPE = "citizenship.recover";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("person", person.hex()).put("newKey", newKey.did()).put("proof", KeyProof.encode(proof));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recover r && r.person.equals(person) && r.newKey.equals(newKey)
                    && java.util.Arrays.equals(r.proof, proof);
        }

        @Override
        public int hashCode() {
            return person.hashCode();
        }
    }

    /** {@code citizenship.cancelRecovery}: the current key stops a recovery during its delay. */
    record CancelRecovery() implements CitizenshipTx {
        public static final String TYPE = "citizenship.cancelRecovery";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object();
        }
    }

    /** {@code citizenship.completeRecovery}: after the delay, with enough approvals, moves the person to the new key. */
    record CompleteRecovery(Hash person) implements CitizenshipTx {
        public static final String TYPE = "citizenship.completeRecovery";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("person", person.hex());
        }
    }

    /** {@code citizenship.renew}: a citizen renews for another period, consenting again to the charter in force. */
    record Renew(Hash charter) implements CitizenshipTx {
        public static final String TYPE = "citizenship.renew";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("charter", charter.hex());
        }
    }

    /** {@code citizenship.renounce}: a person leaves, at any time; the history stays on the ledger. */
    record Renounce() implements CitizenshipTx {
        public static final String TYPE = "citizenship.renounce";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object();
        }
    }

    /** {@code citizenship.declareResidence}: a person declares (or, without territory, ends) residence in a territory. */
    record DeclareResidence(Optional<String> territory) implements CitizenshipTx {
        public static final String TYPE = "citizenship.declareResidence";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = object();
            territory.ifPresent(t -> o.put("territory", t));
            return o;
        }
    }

    /**
     * {@code citizenship.registerHostResident}: a host registrar (a key the society's parameters name) registers a
     * person living in the host jurisdiction; {@code proof} is the resident key's signature of
     * {@link KeyProof#hostResidentMessage}.
     */
    record RegisterHostResident(VerifyingKey key, String name, String region, byte[] proof) implements CitizenshipTx {
        public static final String TYPE = "citizenship.registerHostResident";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("key", key.did()).put("name", name).put("region", region)
                    .put("proof", KeyProof.encode(proof));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RegisterHostResident r && r.key.equals(key) && r.name.equals(name)
                    && r.region.equals(region) && java.util.Arrays.equals(r.proof, proof);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /** {@code citizenship.endHostResidence}: a host registrar ends a host resident's registration. */
    record EndHostResidence(Hash person) implements CitizenshipTx {
        public static final String TYPE = "citizenship.endHostResidence";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return object().put("person", person.hex());
        }
    }

    /** The transaction types, with their readers. */
    List<TxType> TYPES = List.of(
            new TxType(Apply.TYPE, "Applies for citizenship or e-residency with a name, consenting to the charter in force.",
                    f -> end(f, new Apply(f.line("name", 1, MAX_NAME), seeking(f), f.hash("charter"),
                            optionalHash(f, "evidence")))),
            new TxType(Admit.TYPE, "The founder admits an applicant directly, during the founding stage.",
                    f -> end(f, new Admit(f.hash("person")))),
            new TxType(Vouch.TYPE, "A citizen vouches for an applicant; enough vouches make a citizen.",
                    f -> end(f, new Vouch(f.hash("person")))),
            new TxType(Challenge.TYPE, "A citizen challenges a person as a duplicate or fake; a jury decides.",
                    f -> end(f, new Challenge(f.hash("person"), grounds(f), f.text("reason", 1, MAX_REASON),
                            optionalHash(f, "evidence")))),
            new TxType(JuryVote.TYPE, "A juror votes to revoke or dismiss a challenge.",
                    f -> end(f, new JuryVote(f.hash("challenge"), verdict(f)))),
            new TxType(RotateKey.TYPE, "Moves a person to a new key, signed by the current key.",
                    f -> end(f, new RotateKey(f.did("newKey"), KeyProof.read(f, "proof")))),
            new TxType(SetGuardians.TYPE, "Names the m-of-n guardians who may recover a citizenship.",
                    f -> end(f, new SetGuardians(f.hashes("guardians", 100), (int) f.integer("threshold", 1, 100)))),
            new TxType(Recover.TYPE, "A guardian starts or approves the recovery of a person to a new key.",
                    f -> end(f, new Recover(f.hash("person"), f.did("newKey"), KeyProof.read(f, "proof")))),
            new TxType(CancelRecovery.TYPE, "The current key cancels a recovery during its delay.",
                    f -> end(f, new CancelRecovery())),
            new TxType(CompleteRecovery.TYPE, "Completes a recovery after its delay, with enough guardian approvals.",
                    f -> end(f, new CompleteRecovery(f.hash("person")))),
            new TxType(Renew.TYPE, "Renews citizenship for another period, consenting again to the charter.",
                    f -> end(f, new Renew(f.hash("charter")))),
            new TxType(Renounce.TYPE, "Gives up citizenship or residence, at any time.",
                    f -> end(f, new Renounce())),
            new TxType(DeclareResidence.TYPE, "Declares residence in a territory of the society (or ends it).",
                    f -> end(f, new DeclareResidence(f.has("territory")
                            ? Optional.of(f.line("territory", 1, MAX_PLACE)) : Optional.empty()))),
            new TxType(RegisterHostResident.TYPE, "A host registrar registers a resident of the host jurisdiction.",
                    f -> end(f, new RegisterHostResident(f.did("key"), f.line("name", 1, MAX_NAME),
                            f.line("region", 1, MAX_PLACE), KeyProof.read(f, "proof")))),
            new TxType(EndHostResidence.TYPE, "A host registrar ends a host resident's registration.",
                    f -> end(f, new EndHostResidence(f.hash("person")))),
            new TxType("citizenship.transfer", "Does not exist: citizenship is soulbound and cannot be transferred.",
                    f -> {
                        throw new Rejection(CitizenshipCode.NOT_TRANSFERABLE, "citizenship is soulbound: it cannot be "
                                + "transferred, sold or given; to change your own key use citizenship.rotateKey");
                    }));

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static TxBody end(Fields f, TxBody body) {
        f.end();
        return body;
    }

    private static Optional<Hash> optionalHash(Fields f, String name) {
        return f.has(name) ? Optional.of(f.hash(name)) : Optional.empty();
    }

    private static Seeking seeking(Fields f) {
        String s = f.line("seeking", 1, 20);
        for (Seeking v : Seeking.values()) {
            if (v.json.equals(s)) {
                return v;
            }
        }
        throw new Rejection(TxCode.MALFORMED, "body.seeking must be \"citizen\" or \"e-resident\", not \"" + s + "\"");
    }

    private static Grounds grounds(Fields f) {
        String s = f.line("grounds", 1, 20);
        for (Grounds v : Grounds.values()) {
            if (v.json.equals(s)) {
                return v;
            }
        }
        throw new Rejection(TxCode.MALFORMED, "body.grounds must be \"duplicate\" or \"fake\", not \"" + s + "\"");
    }

    private static Verdict verdict(Fields f) {
        String s = f.line("verdict", 1, 20);
        for (Verdict v : Verdict.values()) {
            if (v.json.equals(s)) {
                return v;
            }
        }
        throw new Rejection(TxCode.MALFORMED, "body.verdict must be \"revoke\" or \"dismiss\", not \"" + s + "\"");
    }
}

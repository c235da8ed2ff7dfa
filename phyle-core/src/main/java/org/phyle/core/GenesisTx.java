package org.phyle.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.VerifyingKey;

/**
 * The first transaction of a ledger, signed by the founder: it creates the society. Its transaction id (the SHA-256
 * of its canonical payload) is the society's id, which every later transaction names. The founder becomes its first
 * citizen, having consented to its founding charter by signing it.
 *
 * @param name        the society's name
 * @param purpose     its purpose statement: the moral innovation it gathers around, in its own words
 * @param founderName the founder's name in the registry
 * @param sequencer   the node key that signs blocks and checkpoints
 */
public record GenesisTx(String name, String purpose, String founderName, VerifyingKey sequencer, Parameters parameters)
        implements TxBody {
    public static final int MAX_NAME = 100;
    public static final int MAX_PURPOSE = 4000;

    public static final List<TxType> TX_TYPES = List.of(new TxType(TxDecoder.GENESIS_TYPE,
            "Creates a society: name, purpose, the sequencer's key and every parameter. Signed by the founder.",
            GenesisTx::read));

    @Override
    public String type() {
        return TxDecoder.GENESIS_TYPE;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("purpose", purpose);
        o.put("founderName", founderName);
        o.put("sequencer", sequencer.did());
        o.set("parameters", parameters.toJson());
        return o;
    }

    static GenesisTx read(Fields f) {
        GenesisTx g = new GenesisTx(f.line("name", 1, MAX_NAME), f.text("purpose", 1, MAX_PURPOSE),
                f.line("founderName", 1, MAX_NAME), f.did("sequencer"), Parameters.read(f.object("parameters"),
                f.vocabulary().get(ParameterSpecs.class).all()));
        f.end();
        f.vocabulary().get(ParameterRules.class).check(g.parameters());
        return g;
    }
}

package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phyle.core.canon.CanonParams;
import org.phyle.core.tx.Fields;

/**
 * A mechanism added to the software must not change an existing society's charter: a parameter declared after the
 * format was fixed is in a charter only once its genesis or an amendment sets it, and reads as its default until then.
 */
class ParametersTest {
    @Test
    void aParameterAddedLaterIsOutOfAnOldCharterUntilSetAndReadsAsItsDefault() {
        ObjectNode genesis = JsonNodeFactory.instance.objectNode().put("tx.maxBytes", 20_000);
        Parameters p = Parameters.read(Fields.of(genesis, "parameters"), Catalog.PARAMETERS);
        assertThat(p.asMap()).containsEntry("tx.maxBytes", 20_000L)
                .as("a parameter of the first set takes its default into the charter")
                .containsEntry("governance.quorumBp", 2_000L)
                .as("a later one does not").doesNotContainKey(CanonParams.TEXTS_PER_WEEK.name());
        assertThat(p.toJson().has(CanonParams.TEXTS_PER_WEEK.name())).isFalse();
        assertThat(p.get(CanonParams.TEXTS_PER_WEEK)).isEqualTo(CanonParams.TEXTS_PER_WEEK.defaultValue());

        Parameters amended = p.withText(Map.of(CanonParams.TEXTS_PER_WEEK.name(), "5"));
        assertThat(amended.asMap()).containsEntry(CanonParams.TEXTS_PER_WEEK.name(), 5L);
        assertThat(amended.get(CanonParams.TEXTS_PER_WEEK)).isEqualTo(5);
    }

    @Test
    void aNewSocietySetsEveryParameterItsSoftwareKnows() {
        assertThat(Catalog.defaultParameters().asMap().keySet())
                .containsExactlyInAnyOrderElementsOf(Catalog.PARAMETERS.stream().map(ParameterSpec::name).toList());
    }
}

package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.phyle.core.Rejection;
import org.phyle.crypto.StrictJson;

/**
 * The split of a batch into its transactions' texts, fuzzed: any body is split or refused with a {@link Rejection},
 * and when it is split, the items are exactly the elements of the array a strict parse of the whole body gives.
 */
class BatchItemsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void split(byte[] body) {
        List<String> items;
        try {
            items = BatchItems.split(body, 50);
        } catch (Rejection expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        } catch (StrictJson.MalformedJsonException notUtf8) {
            return;
        }
        var array = StrictJson.parse(body);
        assertThat(array.isArray()).isTrue();
        assertThat(items).hasSize(array.size());
        for (int i = 0; i < items.size(); i++) {
            if (array.get(i).isContainerNode()) {
                assertThat(StrictJson.parse(items.get(i))).isEqualTo(array.get(i));
            }
        }
    }
}

package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;

/** {@link ParallelDecoder#decodeChunks}: every input once, in order, in chunks spread over the threads. */
class ParallelDecoderTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 127, 128, 1000, 2048, 2049, 4099, 5000})
    void chunksCoverEveryInputOnceInOrder(int n) {
        List<Integer> inputs = IntStream.range(0, n).boxed().toList();
        List<Integer> chunkSizes = Collections.synchronizedList(new ArrayList<>());
        try (ParallelDecoder decoder = new ParallelDecoder(2)) {
            List<ParallelDecoder.Result<Integer>> out = decoder.decodeChunks(inputs, chunk -> {
                chunkSizes.add(chunk.size());
                List<ParallelDecoder.Result<Integer>> results = new ArrayList<>();
                for (int i : chunk) {
                    results.add(i % 7 == 3 ? new ParallelDecoder.Result<>(null, new Rejection(TxCode.MALFORMED, "seven"))
                            : new ParallelDecoder.Result<>(i * 2, null));
                }
                return results;
            });
            assertThat(out).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(out.get(i).ok()).isEqualTo(i % 7 != 3);
                if (out.get(i).ok()) {
                    assertThat(out.get(i).value()).isEqualTo(2 * i);
                }
            }
        }
        assertThat(chunkSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        // as many chunks as threads (two), more only to keep each within about 1,024; none below 64 unless n is
        int rounds = Math.max(1, (n + 2047) / 2048);
        assertThat(chunkSizes.size()).isEqualTo(Math.max(1, Math.min(2 * rounds, n / 64)));
        assertThat(chunkSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1024));
    }
}

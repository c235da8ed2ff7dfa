package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The economy's pages without scripts write amounts exactly from their minor units, in English and Portuguese. */
class EconomyPagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                   | 0.00                  | 0,00",
        "1                   | 0.000001              | 0,000001",
        "300000              | 0.30                  | 0,30",
        "1234500000          | 1,234.50              | 1\u00a0234,50",
        "959300688188        | 959,300.688188        | 959\u00a0300,688188",
        "-2500000            | −2.50                 | −2,50",
        "9007199254740991    | 9,007,199,254.740991  | 9\u00a0007\u00a0199\u00a0254,740991",
        "9223372036854775807 | 9,223,372,036,854.775807 | 9\u00a0223\u00a0372\u00a0036\u00a0854,775807"})
    void amountsAreWrittenExactly(long minor, String english, String portuguese) {
        assertThat(EconomyPages.formatMoney(minor, false)).isEqualTo(english);
        assertThat(EconomyPages.formatMoney(minor, true)).isEqualTo(portuguese);
    }
}

package org.phyle.node.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Amounts and dates as people type them: exactly, never through floating point. */
final class Amounts {
    private Amounts() {
    }

    /** "12", "12.5" or "0.000001" units to minor units (six decimals at most; positive). */
    static long parse(String text) {
        if (text == null || !text.matches("[0-9]{1,15}(\\.[0-9]{1,6})?")) {
            throw new IllegalArgumentException("an amount is a number of units with at most six decimals (e.g. 12.5),"
                    + " not '" + text + "'");
        }
        long minor = new BigDecimal(text).movePointRight(6).longValueExact();
        if (minor <= 0) {
            throw new IllegalArgumentException("the amount must be positive, not " + text);
        }
        return minor;
    }

    /** Minor units formatted with the currency's code: "12.500000 PHY". */
    static String show(com.fasterxml.jackson.databind.JsonNode money, String code) {
        return money.get("formatted").asText() + (code.isEmpty() ? "" : " " + code);
    }

    /** A date (2027-01-31, the start of that day in UTC) or an instant (2027-01-31T12:00:00Z), in ms. */
    static long date(String text, String option) {
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " is a date (2027-01-31) or an instant "
                    + "(2027-01-31T12:00:00Z), not '" + text + "'");
        }
    }
}

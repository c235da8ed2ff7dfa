package org.phyle.core.economy;

import java.util.List;
import org.phyle.core.ParameterSpec;
import org.phyle.core.tx.Fields;

/** The charter's economic parameters: the currency's names, its supply policy, and the citizen dividend. */
public final class EconomyParams {
    private EconomyParams() {
    }

    /** Minor units in one unit of the currency (6 decimals). */
    public static final long UNIT = 1_000_000L;

    public static final ParameterSpec CURRENCY_NAME = ParameterSpec.name("economy.currencyName", "phyle",
            "The name of the society's currency.");
    public static final ParameterSpec CURRENCY_CODE = ParameterSpec.name("economy.currencyCode", "PHY",
            "The short code of the society's currency.");
    public static final ParameterSpec GENESIS_ALLOCATION = new ParameterSpec("economy.genesisAllocation",
            1_000_000L * UNIT, 0, Fields.MAX_SAFE_INTEGER, "minor units",
            "The money the treasury holds at the genesis (6 decimals: 1000000 minor units are one unit).");
    public static final ParameterSpec ISSUANCE_CAP_BP = new ParameterSpec("economy.issuanceCapBp", 200, 0, 10_000,
            "basis points", "The most new money passed issue proposals may create in a year since the genesis, as "
            + "a share of the supply at the start of that year.");
    public static final ParameterSpec DIVIDEND_SHARE_BP = new ParameterSpec("economy.dividendShareBp", 0, 0, 10_000,
            "basis points", "The share of the treasury's revenue paid out equally to the citizens in good standing "
            + "at the end of each dividend period.");
    public static final ParameterSpec DIVIDEND_PERIOD_DAYS = new ParameterSpec("economy.dividendPeriodDays", 30, 1,
            366, "days", "The length of a dividend period, counted from the genesis.");

    public static final ParameterSpec MAX_PAIRS = new ParameterSpec("economy.maxPairs", 5_000_000, 0, 50_000_000,
            "pairs", "The most pairs of citizens who gave to the same project a pairwise funding round counts (its "
            + "matching's work grows with them, and its payout must fit in a block); beyond it, new contributors "
            + "are refused.");

    public static final List<ParameterSpec> ALL = List.of(CURRENCY_NAME, CURRENCY_CODE, GENESIS_ALLOCATION,
            ISSUANCE_CAP_BP, DIVIDEND_SHARE_BP, DIVIDEND_PERIOD_DAYS, MAX_PAIRS);
}

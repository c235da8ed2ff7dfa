package org.phyle.core.economy;

import java.util.List;
import org.phyle.core.Effect;
import org.phyle.crypto.Hash;

/**
 * The money land holds (tax deposits, the collateral of bids), kept by the economy so that it stays in the books:
 * balances, the treasury, escrows, locks and the land escrow add up to the supply. The land sends these commands; as
 * with every effect, the sender checks first (through {@link Economy#spendable}) that an account holds what it
 * takes, and keeps its own account of what it holds for each parcel and bid, so the economy never refuses one. Each
 * names the transaction that sent it (null at the end of a block) and a note, for the accounts' history.
 */
public final class LandEscrow {
    private LandEscrow() {
    }

    /** Take an amount from an account's spendable money into the land escrow. */
    public record Hold(String from, long amount, String memo, Hash tx) implements Effect {
    }

    /** Pay an amount from the land escrow to an account. */
    public record Pay(String to, long amount, String memo, Hash tx) implements Effect {
    }

    /** Pay an amount from the land escrow into the treasury as revenue (a tax or a penalty), counted for the dividend. */
    public record Revenue(long amount, String memo, Hash tx) implements Effect {
    }

    /** The effects the economy receives from the land. */
    public static final List<Class<? extends Effect>> EFFECTS = List.of(Hold.class, Pay.class, Revenue.class);
}

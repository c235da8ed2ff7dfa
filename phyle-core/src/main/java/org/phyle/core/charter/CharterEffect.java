package org.phyle.core.charter;

import org.phyle.core.Effect;
import org.phyle.crypto.Hash;

/** What other mechanisms have the charter do; each was checked by its sender through the charter's views. */
public sealed interface CharterEffect extends Effect {
    /** Appoint a steward (a citizen in good standing who is not one). */
    record Appoint(int person, String authority) implements CharterEffect {
    }

    /** Dismiss a steward. */
    record Dismiss(int person, String authority) implements CharterEffect {
    }

    /** Seat an elected council for a term. */
    record SeatCouncil(int[] members, Hash election, long termMs) implements CharterEffect {
    }

    /** A sitting council member signs an act, not signed by them before. */
    record SignAct(int member, Offices.Act act, int person) implements CharterEffect {
    }

    /** The founder retires (not retired before). */
    record Retire() implements CharterEffect {
    }

    /** A text of the charter was amended by this proposal or transaction: for those who recognise authors. */
    record TextAmended(Hash enactedBy, String target, int version) implements CharterEffect, Effect.Notice {
    }
}

package org.phyle.core.charter;

import org.phyle.core.RejectionCode;

/** Why a change to the charter is refused. */
public enum CharterCode implements RejectionCode {
    INVALID_AMENDMENT(Kind.RULE, "The amendment names no amendable text or parameter, or an invalid value for it.");

    private final Kind kind;
    private final String meaning;

    CharterCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

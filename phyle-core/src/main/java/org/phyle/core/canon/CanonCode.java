package org.phyle.core.canon;

import org.phyle.core.RejectionCode;

/** Why a text of the canon, or an endorsement, is refused. */
public enum CanonCode implements RejectionCode {
    UNKNOWN_TEXT(Kind.RULE, "No text of the canon with that id."),
    OWN_TEXT(Kind.RULE, "Authors do not endorse their own texts."),
    ALREADY_ENDORSED(Kind.CONFLICT, "This citizen already endorses this text."),
    TEXT_QUOTA(Kind.RULE, "This key has published all the texts its standing allows this week.");

    private final Kind kind;
    private final String meaning;

    CanonCode(Kind kind, String meaning) {
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

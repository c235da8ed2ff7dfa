package org.phyle.core.discussion;

import org.phyle.core.RejectionCode;

/** Why a comment or an erasure is refused. */
public enum DiscussionCode implements RejectionCode {
    UNKNOWN_PLACE(Kind.NOT_FOUND, "No proposal or text of the canon with that id."),
    UNKNOWN_COMMENT(Kind.NOT_FOUND, "No comment with that id."),
    REPLY_ELSEWHERE(Kind.RULE, "A reply is in the same discussion as the comment it answers."),
    COMMENT_QUOTA(Kind.RULE, "This key has written all the comments its standing allows today."),
    NOT_THE_AUTHOR(Kind.RULE, "Only a comment's author erases it by themselves; the society may, by a vote."),
    ALREADY_ERASED(Kind.CONFLICT, "The comment's text was erased already.");

    private final Kind kind;
    private final String meaning;

    DiscussionCode(Kind kind, String meaning) {
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

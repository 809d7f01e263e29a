package fr.cnfs.applications.domain;

/** Who may read a comment on an application. */
public enum CommentKind {
    /** An exchange with the structure: the structure sees it. */
    MESSAGE,
    /** A reviewer's note: State agents only, never the structure. */
    INTERNAL_NOTE
}

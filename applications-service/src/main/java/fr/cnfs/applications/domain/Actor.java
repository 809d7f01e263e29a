package fr.cnfs.applications.domain;

import java.util.Objects;

/** Who issues a command, as the audit history records it: the token's subject and the role it acted in. */
public record Actor(String subject, String role) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}

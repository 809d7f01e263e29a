package fr.cnfs.applications.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import io.quarkus.security.ForbiddenException;

/** Writes comments on applications: messages anyone involved may post, internal notes for State agents only. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CommentService {

    private final ProgrammeCalendar calendar;

    CommentService(ProgrammeCalendar calendar) {
        this.calendar = calendar;
    }

    public ApplicationComment post(UUID applicationId, CommentKind kind, String body, Actor actor, AccessScope scope) {
        Application application = Application.<Application>findByIdOptional(applicationId).filter(scope::covers)
                .orElseThrow(() -> new ResourceNotFoundException("Application", applicationId));
        if (kind == CommentKind.INTERNAL_NOTE && !scope.stateAgent()) {
            // Internal notes are the State's: a structure may only write messages (403).
            throw new ForbiddenException("a structure may only post messages");
        }
        ApplicationComment comment = new ApplicationComment();
        comment.id = UUID.randomUUID();
        comment.applicationId = application.id;
        comment.kind = kind;
        comment.body = body.strip();
        comment.authorSubject = actor.subject();
        comment.authorRole = actor.role();
        comment.createdAt = calendar.now();
        comment.persist();
        return comment;
    }
}

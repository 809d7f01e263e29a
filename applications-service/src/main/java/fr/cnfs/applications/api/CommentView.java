package fr.cnfs.applications.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.api.HistoryEntryView.ActorView;
import fr.cnfs.applications.domain.ApplicationComment;
import fr.cnfs.applications.domain.CommentKind;

@Schema(name = "Comment", description = "A message the structure sees, or an internal reviewer note")
public record CommentView(UUID id, UUID applicationId, CommentKind kind, String body, ActorView author,
        Instant createdAt) {

    static CommentView of(ApplicationComment comment) {
        return new CommentView(comment.id, comment.applicationId, comment.kind, comment.body,
                new ActorView(comment.authorSubject, comment.authorRole), comment.createdAt);
    }
}

package fr.cnfs.placement.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.plumbing.inbox.RejectedEventException;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class PostService {

    /** Deadlines are calendar dates in metropolitan France, where the programme is run. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Paris");

    /** On ApplicationApproved: one VACANT post per post id, with its recruitment deadline. */
    @Transactional(TxType.MANDATORY)
    public void openPosts(ApplicationApproved approved) {
        if (approved.postIds().size() != approved.postsGranted()) {
            throw new RejectedEventException("postIds (" + approved.postIds().size() + ") does not match postsGranted ("
                    + approved.postsGranted() + ")");
        }
        var structure = approved.structure();
        var deadline = approved.decidedAt().atZone(PROGRAMME_ZONE).toLocalDate()
                .plusMonths(approved.recruitmentDeadlineMonths());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (UUID postId : approved.postIds()) {
            if (Post.findById(postId) != null) {
                throw new RejectedEventException("post " + postId + " already exists");
            }
            Post post = new Post();
            post.id = postId;
            post.applicationId = approved.applicationId();
            post.campaignId = approved.campaignId();
            post.siret = structure.siret();
            post.structureName = structure.name();
            post.communeCode = structure.communeCode();
            post.departementCode = structure.departementCode();
            post.regionCode = structure.regionCode();
            post.territoryZone = structure.territoryZone();
            post.contractMonths = approved.contractMonths();
            post.recruitmentDeadline = deadline;
            post.state = PostState.VACANT;
            post.createdAt = now;
            post.persist();
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Post> find(UUID id) {
        return Post.findByIdOptional(id);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(UUID applicationId, String siret, PageRequest page, Function<Post, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (applicationId != null) {
            query.append(" and applicationId = :applicationId");
            parameters.and("applicationId", applicationId);
        }
        if (siret != null) {
            query.append(" and siret = :siret");
            parameters.and("siret", siret);
        }
        Sort sort = page.sortOr(Map.of("createdAt", "createdAt", "recruitmentDeadline", "recruitmentDeadline"),
                Sort.descending("createdAt").and("id"));
        return PageOf.of(Post.find(query.toString(), sort, parameters), page, view);
    }
}

package fr.cnfs.funding.domain;

import java.util.Collection;

/**
 * A grant is AWARDED until a contract starts on one of its posts, ACTIVE while any post funding is open, and ENDED
 * once every post funding is COMPLETED or CLOSED. It follows from its post fundings, never set by hand.
 */
public enum GrantStatus {
    AWARDED,
    ACTIVE,
    ENDED;

    public static GrantStatus of(Collection<PostFundingStatus> posts) {
        if (!posts.isEmpty() && posts.stream().allMatch(PostFundingStatus::isFinal)) {
            return ENDED;
        }
        return posts.stream().allMatch(status -> status == PostFundingStatus.AWAITING_CONTRACT) ? AWARDED : ACTIVE;
    }
}

package fr.cnfs.plumbing.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a creation operation that honours the {@code Idempotency-Key} header: the same key with the same body replays
 * the first response; the same key with another body is refused with 422.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Idempotent {

    String HEADER = "Idempotency-Key";
    String REPLAYED_HEADER = "Idempotency-Replayed";
    String DESCRIPTION = "Optional. A retry with the same key (same caller, same body) within 24 hours replays the "
            + "first response, marked Idempotency-Replayed: true, instead of creating twice; the same key with another "
            + "body is refused (422). 1 to 200 visible ASCII characters.";
}

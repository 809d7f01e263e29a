package fr.cnfs.plumbing.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The list envelope of DESIGN §6: {@code {items, page, size, totalItems}}. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

    public static <E, T> PageOf<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(request.panachePage()).list().stream().map(mapper).toList();
        long total = items.size() < request.size && request.page == 0 ? items.size() : query.count();
        return new PageOf<>(items, request.page, request.size, total);
    }
}

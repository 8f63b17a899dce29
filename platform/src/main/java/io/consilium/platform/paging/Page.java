package io.consilium.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer, with the total so clients can page without guessing. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The requested page of a Panache query, with the query's total. */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

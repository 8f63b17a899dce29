package io.consilium.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer, with the total so clients can page without guessing. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

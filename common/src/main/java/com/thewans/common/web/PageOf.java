package com.thewans.common.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.thewans.common.problem.InvalidField;

/** One page of a list, the same shape in every service: the items, where the page is, how many in all. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The deepest page anyone may ask for: beyond it a list is searched, not paged through. */
    public static final int MAX_PAGE = 10_000;

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
        return new PageOf<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }

    public static <T> PageOf<T> of(List<T> items, int page, int size, long total) {
        return new PageOf<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** A page request within bounds (page 0..10000, size 1..maxSize), or a 400 naming the bad parameter. */
    public static PageRequest request(int page, int size, int maxSize, Sort sort) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidField("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidField("size", "must be between 1 and " + maxSize);
        }
        return PageRequest.of(page, size, sort);
    }
}

package com.thewans.rights.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list: the items, where the page is, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
        return new PageOf<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}

package com.thewans.identity.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.identity.account.UserAccount;

/**
 * Finding accounts for administrators: by part of an email, a phone number or a display name,
 * newest first, one page and its display names in one query.
 */
@Component
class AccountDirectory {

    private static final String ALL = " from UserAccount u left join Profile p on p.userId = u.id";
    private static final String MATCHING = ALL + " where u.email like :pattern escape '\\'"
            + " or u.phone like :pattern escape '\\' or lower(p.displayName) like :pattern escape '\\'";

    private final EntityManager entityManager;

    AccountDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    Page<AdminUserView> search(String query, Pageable page) {
        String pattern = query == null || query.isBlank() ? null : "%" + escape(query.strip().toLowerCase(Locale.ROOT))
                + "%";
        String from = pattern == null ? ALL : MATCHING;
        TypedQuery<Object[]> rows = entityManager.createQuery(
                "select u, p.displayName" + from + " order by u.createdAt desc, u.id", Object[].class);
        TypedQuery<Long> count = entityManager.createQuery("select count(u)" + from, Long.class);
        if (pattern != null) {
            rows.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        rows.setFirstResult((int) page.getOffset());
        rows.setMaxResults(page.getPageSize());
        List<AdminUserView> items = rows.getResultList().stream()
                .map(row -> AdminUserView.of((UserAccount) row[0], (String) row[1])).toList();
        long total = count.getSingleResult();
        return new PageImpl<>(items, page, total);
    }

    @Transactional(readOnly = true)
    Optional<AdminUserView> find(UUID userId) {
        return entityManager.createQuery("select u, p.displayName from UserAccount u left join Profile p"
                + " on p.userId = u.id where u.id = :id", Object[].class)
                .setParameter("id", userId).getResultStream().findFirst()
                .map(row -> AdminUserView.of((UserAccount) row[0], (String) row[1]));
    }

    /** What people type is text to find, not a pattern: % and _ match themselves. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

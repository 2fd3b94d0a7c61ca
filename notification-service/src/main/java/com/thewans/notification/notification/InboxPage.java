package com.thewans.notification.notification;

import java.util.List;

/** A page of the inbox (newest first), the same paging members as every list, and the unread count. */
record InboxPage(List<InboxItem> items, int page, int size, long totalItems, int totalPages, long unreadCount) {
}

package com.thewans.rights.window;

import java.util.Set;
import java.util.UUID;

/**
 * In-process notice that windows of these films changed (created, edited, cancelled, opened or
 * closed). Published inside the change's transaction; listeners act after it commits.
 */
public record WindowsChanged(Set<UUID> filmIds) {
}

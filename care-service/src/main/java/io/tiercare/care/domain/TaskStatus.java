package io.tiercare.care.domain;

import java.util.Set;

/** Where a care task stands. SCHEDULED and IN_PROGRESS are open; the others are final. */
public enum TaskStatus {
    SCHEDULED, IN_PROGRESS, DONE, SKIPPED, CANCELLED,
    /** Its period ended with the task still open. */
    MISSED;

    public static final Set<TaskStatus> OPEN = Set.of(SCHEDULED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}

package io.tiercare.tiering.domain;

import java.util.List;

import io.tiercare.tiering.domain.event.TierEvent;

/**
 * What an evaluation decided for one standing: the standing to keep, the change to record in the history (null when
 * the tier stays) and the events to publish (the change's, a downgrade warning).
 */
public record TierDecision(TierStanding standing, TierChange change, List<TierEvent> events) {

    public TierDecision {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return change != null;
    }
}

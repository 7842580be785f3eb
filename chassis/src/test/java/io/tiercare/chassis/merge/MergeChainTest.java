package io.tiercare.chassis.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MergeChainTest {

    record Row(UUID id, UUID mergedInto) {
    }

    private final Map<UUID, Row> rows = new HashMap<>();

    private Row row(UUID mergedInto) {
        Row r = new Row(UUID.randomUUID(), mergedInto);
        rows.put(r.id(), r);
        return r;
    }

    private Row follow(Row start) {
        return MergeChain.follow(start.id(), start, Row::mergedInto, rows::get);
    }

    @Test
    void aCustomerNeverMergedIsTheirOwnSurvivor() {
        Row alone = row(null);
        assertThat(follow(alone)).isEqualTo(alone);
    }

    @Test
    void aMergedCustomerLeadsToTheLastSurvivorOfTheChain() {
        Row survivor = row(null);
        Row middle = row(survivor.id());
        Row first = row(middle.id());
        assertThat(follow(first)).isEqualTo(survivor);
    }

    @Test
    void aChainThatEndsAtAnUnknownIdLeadsNowhere() {
        Row dangling = row(UUID.randomUUID());
        assertThat(follow(dangling)).isNull();
    }

    @Test
    void sixteenMergesInARowAreFollowedAndASeventeenthFailsLoudly() {
        Row end = row(null);
        Row start = end;
        for (int i = 0; i < MergeChain.MAX_HOPS; i++) {
            start = row(start.id());
        }
        assertThat(follow(start)).isEqualTo(end);

        Row tooFar = row(start.id());
        assertThatThrownBy(() -> follow(tooFar)).isInstanceOf(IllegalStateException.class)
                .hasMessage("merge chain of " + tooFar.id() + " longer than 16 hops");
    }

    @Test
    void aCycleFailsLoudlyInsteadOfLoopingForever() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        rows.put(a, new Row(a, b));
        rows.put(b, new Row(b, a));
        assertThatThrownBy(() -> follow(rows.get(a))).isInstanceOf(IllegalStateException.class);
    }
}

package io.tiercare.complaint.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.paging.Items;
import io.tiercare.complaint.repository.CategoryRepository.Category;
import io.tiercare.testing.ApiShapes;

class ApiShapeTest {

    @Test
    void noEndpointAnswersWithAStorageRecord() {
        assertThat(ApiShapes.storageRecordsAnswered(ComplaintResource.class, CategoryResource.class,
                CalendarResource.class, SlaPolicyResource.class, SlaDetectorResource.class, ReviewResource.class))
                .isEmpty();
    }

    @Test
    void aStorageRecordInsideAnAnswerIsFound() {
        assertThat(ApiShapes.storageRecordsAnswered(Leaky.class))
                .containsExactly("Leaky.categories → " + Category.class.getName());
    }

    /** What the rule forbids: a repository's record in the items of an answer. */
    static class Leaky {
        public Items<Category> categories() {
            return Items.of(java.util.List.of());
        }
    }
}

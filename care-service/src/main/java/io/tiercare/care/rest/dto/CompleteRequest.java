package io.tiercare.care.rest.dto;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.care.domain.Outcome;
import jakarta.validation.constraints.NotNull;

/** Completing a task: the outcome, a satisfaction score where the item asks for one, notes, a follow-up day. */
@Schema(name = "CompleteTaskRequest")
public record CompleteRequest(@NotNull Outcome outcome,
        @Schema(description = "1–5; required when the item asks for one and the customer was REACHED")
        Integer satisfaction,
        @Schema(description = "What was discussed (at most 2000 characters); masked for analysts") String notes,
        @Schema(description = "After NO_ANSWER or RESCHEDULED: a follow-up attempt due that day, within the period")
        LocalDate followUpOn) {
}

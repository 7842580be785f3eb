package io.tiercare.complaint.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

@Schema(name = "AssignRequest")
public record AssignRequest(@Size(max = 100) @Schema(examples = "agent-wang") String assignee,
        @Size(max = 100) @Schema(examples = "after-sales-east") String team, @Size(max = 2000) String note) {

    @AssertTrue(message = "name an assignee, a team or both")
    @Schema(hidden = true)
    public boolean isSomeoneNamed() {
        return (assignee != null && !assignee.isBlank()) || (team != null && !team.isBlank());
    }
}

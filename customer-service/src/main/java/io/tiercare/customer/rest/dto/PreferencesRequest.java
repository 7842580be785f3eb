package io.tiercare.customer.rest.dto;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.domain.ContactWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "PreferencesRequest", description = "How and when the customer wishes to be contacted")
public record PreferencesRequest(
        @Schema(examples = "WECHAT") ContactChannel preferredChannel,
        @Valid @Size(max = 14) List<Window> contactWindows,
        @NotNull @Schema(description = "Do not disturb (免打扰)") Boolean doNotDisturb) {

    @Schema(name = "ContactWindow", description = "e.g. weekends only, 10:00–18:00 (business time zone)")
    public record Window(
            @NotNull @Size(min = 1) @Schema(examples = "[\"SATURDAY\",\"SUNDAY\"]") Set<DayOfWeek> days,
            @NotNull @Schema(examples = "10:00") LocalTime from,
            @NotNull @Schema(examples = "18:00") LocalTime to) {
    }

    public List<ContactWindow> windows() {
        return contactWindows == null ? List.of()
                : contactWindows.stream().map(w -> new ContactWindow(w.days(), w.from(), w.to())).toList();
    }
}

package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scheme's policy as data: the tiers from the highest down, each with the condition that qualifies a customer (the
 * last tier may have none: everyone else), an optional scorecard whose result is the metric {@code score}, and how
 * downgrades take effect. Checked by {@link PolicyValidator}; evaluated by {@link Evaluator}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDefinition(String description, List<TierRule> tiers, Scorecard scorecard, Downgrade downgrade) {

    /** One tier: its code, display name, the benefits it carries (shown, not interpreted), its condition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierRule(String code, String name, Map<String, Object> benefits, Condition when) {
    }

    /** Either {@code all} or {@code any} of nested conditions, or one comparison {@code metric op value}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(List<Condition> all, List<Condition> any, String metric, String op, JsonNode value) {
    }

    /** score = Σ weight × points(indicator) / Σ weight, each indicator's points from the highest band it reaches. */
    public record Scorecard(List<Indicator> indicators) {
    }

    /** Bands in ascending {@code from}; a value below the first band scores 0. */
    public record Indicator(String metric, BigDecimal weight, List<Band> bands) {
    }

    public record Band(BigDecimal from, BigDecimal points) {
    }

    /**
     * IMMEDIATE: a lower tier applies at once. GRACE_PERIOD: after {@code graceDays} of still qualifying lower.
     * END_OF_PERIOD: at the end of the calendar year in which the customer stopped qualifying. A warning event goes
     * out {@code warningDays} before a downgrade.
     */
    public record Downgrade(Mode mode, Integer graceDays, Integer warningDays) {

        public enum Mode {
            IMMEDIATE, GRACE_PERIOD, END_OF_PERIOD
        }

        public static final Downgrade IMMEDIATE = new Downgrade(Mode.IMMEDIATE, null, null);
    }

    public Downgrade downgradeOrDefault() {
        return downgrade == null ? Downgrade.IMMEDIATE : downgrade;
    }
}

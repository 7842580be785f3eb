package io.tiercare.tiering.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;
import io.tiercare.tiering.domain.AppealStatus;
import io.tiercare.tiering.domain.TierAppeal;
import io.tiercare.tiering.domain.TierOverride;
import io.tiercare.tiering.repository.AdjustmentRepository;
import io.tiercare.tiering.repository.MetricsRepository;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.repository.TierRepository;
import io.tiercare.tiering.repository.TierRepository.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A customer's tiers with their explanations, their history, and on-demand re-evaluation. */
@ApplicationScoped
@Transactional
public class TierQueryService {

    /** One scheme's standing as the API shows it. */
    public record TierView(String scheme, String schemeName, String tier, String tierName,
            Map<String, Object> benefits, Instant since, int policyVersion, BigDecimal score, String pendingTier,
            Instant downgradeAt, Instant evaluatedAt, OverrideView override, UUID pendingAppeal, JsonNode explanation) {
    }

    public record CustomerTiers(UUID customerId, List<TierView> tiers) {
    }

    private final MetricsRepository metrics;
    private final SchemeRepository schemes;
    private final TierRepository tiers;
    private final TierEvaluationService evaluation;
    private final AdjustmentRepository adjustments;
    private final TierLookup lookup;
    private final ObjectMapper mapper;

    TierQueryService(MetricsRepository metrics, SchemeRepository schemes, TierRepository tiers,
            TierEvaluationService evaluation, AdjustmentRepository adjustments, TierLookup lookup,
            ObjectMapper mapper) {
        this.metrics = metrics;
        this.schemes = schemes;
        this.tiers = tiers;
        this.evaluation = evaluation;
        this.adjustments = adjustments;
        this.lookup = lookup;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerTiers tiers(UUID customerId) {
        UUID id = lookup.gradedCustomer(customerId);
        Map<String, Scheme> byCode = schemes.all().stream().collect(Collectors.toMap(Scheme::code,
                Function.identity()));
        Map<String, TierOverride> overrides = adjustments.active(id).stream()
                .collect(Collectors.toMap(TierOverride::scheme, Function.identity()));
        Map<String, UUID> appeals = adjustments.appealsOf(id).stream().filter(a -> a.status() == AppealStatus.PENDING)
                .collect(Collectors.toMap(TierAppeal::scheme, TierAppeal::id));
        Map<String, TierEvaluationService.Explanation> explained = evaluation.explainNow(id);
        List<TierView> views = tiers.standings(id, false).stream().map(s -> {
            Scheme scheme = byCode.get(s.scheme());
            TierRule rule = scheme == null ? null : scheme.policy().tiers().stream()
                    .filter(t -> t.code().equals(s.tier())).findFirst().orElse(null);
            return new TierView(s.scheme(), scheme == null ? null : scheme.name(), s.tier(),
                    rule == null ? null : rule.name(), rule == null ? null : rule.benefits(), s.since(),
                    s.policyVersion(), s.score(), s.pendingTier(), s.downgradeAt(), s.evaluatedAt(),
                    OverrideView.of(overrides.get(s.scheme())), appeals.get(s.scheme()),
                    explained.containsKey(s.scheme())
                            ? read(write(explained.get(s.scheme()))) : read(s.explanation()));
        }).toList();
        if (views.isEmpty()) {
            throw ResourceNotFoundException.of("Customer", customerId);
        }
        return new CustomerTiers(id, views);
    }

    /** Re-evaluates now (after a correction, or to apply a due downgrade) and returns the result. */
    public CustomerTiers reevaluate(UUID customerId, String requestedBy) {
        UUID id = lookup.gradedCustomer(customerId);
        evaluation.evaluate(id, "re-evaluation requested by " + requestedBy);
        return tiers(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Change> history(UUID customerId, String scheme, PageRequest page) {
        UUID id = lookup.gradedCustomer(customerId);
        long total = tiers.countHistory(id, scheme);
        if (total == 0 && tiers.standings(id, false).isEmpty()) {
            throw ResourceNotFoundException.of("Customer", customerId);
        }
        return Page.of(tiers.history(id, scheme, page.offset(), page.size()), page, total);
    }

    /** Written and read back as the stored explanations are, so numbers keep the same form. */
    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

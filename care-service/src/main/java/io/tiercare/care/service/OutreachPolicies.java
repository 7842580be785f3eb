package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.care.domain.OutreachPolicy;
import io.tiercare.care.repository.GiftRepository;
import io.tiercare.care.repository.GiftRepository.Gift;
import io.tiercare.care.repository.OutreachPolicyRepository;
import io.tiercare.care.repository.VersionedDocuments.Version;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The outreach policy's versions and the gift catalogue: read, changed (checked whole). */
@ApplicationScoped
@Transactional
public class OutreachPolicies {

    /** A version as the API shows it. */
    public record PolicyVersion(int version, OutreachPolicy definition, String note, String createdBy,
            Instant createdAt) {
    }

    /** Every version, newest first. */
    public record History(List<PolicyVersion> items) {
    }

    /** The gift catalogue, in order. */
    public record Catalogue(List<GiftView> items) {
    }

    /** A gift of the catalogue: offered while active, in the catalogue's order. */
    public record GiftView(String code, String name, boolean active, int position) {

        public static GiftView of(Gift gift) {
            return new GiftView(gift.code(), gift.name(), gift.active(), gift.position());
        }
    }

    private final OutreachPolicyRepository repository;
    private final GiftRepository gifts;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<Integer, OutreachPolicy> parsed = new ConcurrentHashMap<>();

    OutreachPolicies(OutreachPolicyRepository repository, GiftRepository gifts, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.gifts = gifts;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The policy in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OutreachPolicy current() {
        return parse(repository.current());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion currentVersion() {
        return view(repository.current());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history() {
        return new History(repository.history(200).stream().map(this::view).toList());
    }

    public PolicyVersion change(OutreachPolicy definition, String note, String by) {
        if (definition == null) {
            throw new InvalidInputException("definition", "must not be null");
        }
        List<Violation> problems = definition.violations();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return view(repository.add(mapper.writeValueAsString(definition), note, by, Instant.now(clock)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Catalogue catalogue() {
        return new Catalogue(gifts.all().stream().map(GiftView::of).toList());
    }

    public Gift saveGift(Gift gift, String by) {
        List<Violation> problems = new java.util.ArrayList<>();
        if (!gift.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(new Violation("code", "must be 2–40 capital letters, digits or _ (FLOWERS)"));
        }
        if (gift.name() == null || gift.name().isBlank() || gift.name().length() > 50) {
            problems.add(new Violation("name", "must be 1–50 characters"));
        }
        if (gift.position() < 0 || gift.position() > 1000) {
            problems.add(new Violation("position", "must be 0–1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        gifts.save(gift, by, Instant.now(clock));
        return gift;
    }

    private PolicyVersion view(Version row) {
        return new PolicyVersion(row.version(), parse(row), row.note(), row.createdBy(), row.createdAt());
    }

    private OutreachPolicy parse(Version row) {
        return parsed.computeIfAbsent(row.version(), v -> {
            try {
                return mapper.readValue(row.definition(), OutreachPolicy.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("outreach policy " + v + " is unreadable", e);
            }
        });
    }
}

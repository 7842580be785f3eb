package io.tiercare.complaint.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.complaint.ComplaintConfig;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.complaint.domain.SlaPolicy;
import io.tiercare.complaint.domain.WorkingCalendar;
import io.tiercare.complaint.domain.event.CalendarDayChanged;
import io.tiercare.complaint.messaging.ComplaintEventPublisher;
import io.tiercare.complaint.repository.SlaRepository;
import io.tiercare.complaint.repository.SlaRepository.CalendarDay;
import io.tiercare.complaint.repository.SlaRepository.PolicyRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** SLA policies (versioned, validated) and the working-day calendar that WORKING-clock policies count on. */
@ApplicationScoped
@Transactional
public class SlaService {

    /** A policy version as the API shows it. */
    public record PolicyVersion(int version, SlaPolicy definition, String note, String createdBy,
            java.time.Instant createdAt) {
    }

    private final SlaRepository repository;
    private final ObjectMapper mapper;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final ComplaintEventPublisher publisher;
    /** Versions never change once written: parsed once each. */
    private final Map<Integer, SlaPolicy> parsed = new ConcurrentHashMap<>();

    /** The tiers of tiering's VALUE scheme, which a rule may name. */
    private final java.util.Set<String> valueTiers;

    SlaService(SlaRepository repository, ObjectMapper mapper, BusinessTime businessTime, Clock clock,
            ComplaintEventPublisher publisher, ComplaintConfig config) {
        this.valueTiers = java.util.Set.copyOf(config.valueTiers());
        this.publisher = publisher;
        this.repository = repository;
        this.mapper = mapper;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion current() {
        return view(repository.current());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion version(int version) {
        PolicyRow row = repository.version(version);
        if (row == null) {
            throw ResourceNotFoundException.of("SLA policy version", version);
        }
        return view(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyVersion> history() {
        return repository.policies(0, 200).stream().map(this::view).toList();
    }

    /** Validates the policy and stores it as the next version; complaints filed from now on use it. */
    public PolicyVersion change(SlaPolicy definition, String note, String by) {
        if (definition == null) {
            throw new InvalidInputException("definition", "must not be null");
        }
        definition.validate(valueTiers);
        try {
            return view(repository.add(mapper.writeValueAsString(definition), note, by, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy", e);
        }
    }

    /** The working calendar as a policy counts on it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingCalendar calendar(SlaPolicy policy) {
        return new WorkingCalendar(repository.exceptions(), policy.workingHours(), businessTime.zone());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return repository.calendar(from, to);
    }

    /** Sets the day and publishes it, so care-service's due dates count on the same calendar. */
    public CalendarDay putDay(CalendarDay day) {
        repository.putDay(day);
        publisher.publish(new CalendarDayChanged(day.day(), day.working(), day.name(), clock.instant()));
        return day;
    }

    public void deleteDay(LocalDate day) {
        if (!repository.deleteDay(day)) {
            throw ResourceNotFoundException.of("Calendar exception", day);
        }
        publisher.publish(new CalendarDayChanged(day, null, null, clock.instant()));
    }


    private PolicyVersion view(PolicyRow row) {
        return new PolicyVersion(row.version(), policy(row), row.note(), row.createdBy(), row.createdAt());
    }

    SlaPolicy policy(PolicyRow row) {
        return parsed.computeIfAbsent(row.version(), v -> {
            try {
                return mapper.readValue(row.definition(), SlaPolicy.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("SLA policy v" + v + " cannot be read", e);
            }
        });
    }
}

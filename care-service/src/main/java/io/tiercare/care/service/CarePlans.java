package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.care.domain.CarePlan;
import io.tiercare.care.domain.event.CarePlanChanged;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.PlanRepository;
import io.tiercare.care.repository.SimulationRepository;
import io.tiercare.care.repository.VersionedDocuments.Version;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The care plan's versions: read, validated whole, simulated, changed (which re-plans everyone, as a job). */
@ApplicationScoped
@Transactional
public class CarePlans {

    /** A version as the API shows it. */
    public record PlanVersion(int version, CarePlan definition, String note, String createdBy, Instant createdAt) {
    }

    /** What applying a plan would do now, per item and in total. */
    public record Simulation(int tasksCreated, int tasksCancelled, List<ItemChange> items) {
    }

    /** What the change does to one care item: ADDED, REMOVED or CHANGED, and the tasks it would open and cancel. */
    public record ItemChange(String itemCode, String change, int tasksCreated, int tasksCancelled) {

        static ItemChange of(SimulationRepository.ItemEffect effect) {
            return new ItemChange(effect.itemCode(), effect.change(), effect.tasksCreated(), effect.tasksCancelled());
        }
    }

    /** Every version, newest first (at most 200). */
    public record History(List<PlanVersion> items) {
    }

    /** A change applied: the new version and the re-plan job that brings every customer onto it. */
    public record Change(PlanVersion plan, ReplanJobs.Job job) {
    }

    private final PlanRepository repository;
    private final SimulationRepository simulation;
    private final CareEventPublisher publisher;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ReplanJobs jobs;
    /** Versions never change once written: parsed once each. */
    private final Map<Integer, CarePlan> parsed = new ConcurrentHashMap<>();

    CarePlans(PlanRepository repository, SimulationRepository simulation, CareEventPublisher publisher,
            ObjectMapper mapper, Clock clock, ReplanJobs jobs) {
        this.repository = repository;
        this.simulation = simulation;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanVersion current() {
        return view(repository.current());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanVersion version(int version) {
        Version row = repository.version(version);
        if (row == null) {
            throw ResourceNotFoundException.of("care plan version", version);
        }
        return view(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history() {
        return new History(repository.history(200).stream().map(this::view).toList());
    }

    /** What the plan would create and cancel if it were applied now; changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Simulation simulate(CarePlan definition) {
        validate(definition);
        List<SimulationRepository.ItemEffect> effects = simulation.effects(current().definition(), definition);
        return new Simulation(effects.stream().mapToInt(SimulationRepository.ItemEffect::tasksCreated).sum(),
                effects.stream().mapToInt(SimulationRepository.ItemEffect::tasksCancelled).sum(),
                effects.stream().map(ItemChange::of).toList());
    }

    /** Validates the plan whole, stores it as the next version, publishes it and starts the re-plan job. */
    public Change change(CarePlan definition, String note, String by) {
        validate(definition);
        Instant now = clock.instant();
        Version row;
        try {
            row = repository.add(mapper.writeValueAsString(definition), note, by, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan", e);
        }
        publisher.publish(new CarePlanChanged(row.version(), definition.items().size(), by, now, note));
        return new Change(view(row), jobs.start(row.version(), "care plan version " + row.version(), by));
    }

    private static void validate(CarePlan definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", "must not be null");
        }
        List<Violation> problems = definition.violations();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private PlanVersion view(Version row) {
        return new PlanVersion(row.version(), parse(row), row.note(), row.createdBy(), row.createdAt());
    }

    CarePlan parse(Version row) {
        return parsed.computeIfAbsent(row.version(), v -> {
            try {
                return mapper.readValue(row.definition(), CarePlan.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("care plan " + v + " is unreadable", e);
            }
        });
    }
}

package io.tiercare.tiering.service;

import java.time.Clock;
import java.util.List;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.Problem.Violation;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.PolicyValidator;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.PolicyVersion;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Tier schemes and their policies: read them, and change a policy by adding a validated version. */
@ApplicationScoped
@Transactional
public class TierSchemeService {

    private final SchemeRepository schemes;
    private final Clock clock;

    TierSchemeService(SchemeRepository schemes, Clock clock) {
        this.schemes = schemes;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scheme> all() {
        return schemes.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Scheme get(String code) {
        return schemes.find(code).orElseThrow(() -> ResourceNotFoundException.of("Tier scheme", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyVersion> versions(String code) {
        get(code);
        return schemes.versions(code);
    }

    /**
     * Stores the policy as the scheme's next version; every problem in it is reported at once and nothing changes.
     * Customers are re-graded under it as their next events arrive or when they are re-evaluated.
     */
    public Scheme change(String code, PolicyDefinition policy, String note, String author) {
        List<Violation> problems = PolicyValidator.violations(policy).stream()
                .map(v -> new Violation("policy." + v.field(), v.message())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Scheme current = schemes.lock(code).orElseThrow(() -> ResourceNotFoundException.of("Tier scheme", code));
        schemes.addVersion(code, current.version() + 1, policy, note, author, clock.instant());
        return get(code);
    }
}

package io.tiercare.tiering.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.tiering.domain.GradingScheme;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.repository.SchemeRepository;
import io.tiercare.tiering.repository.SchemeRepository.PolicyVersion;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.service.DistributionService.Impact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Tier schemes and their policies: read them, and change a policy by adding a validated version. */
@ApplicationScoped
@Transactional
public class TierSchemeService {

    private final SchemeRepository schemes;
    private final DistributionService distribution;
    private final EvaluationJobService jobs;
    private final TierLookup lookup;
    private final Clock clock;

    TierSchemeService(SchemeRepository schemes, DistributionService distribution, EvaluationJobService jobs,
            TierLookup lookup, Clock clock) {
        this.schemes = schemes;
        this.distribution = distribution;
        this.jobs = jobs;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** A new policy version, what it does to the customers (as a simulation would have said), and the job applying it. */
    public record PolicyApplied(SchemeView scheme, Impact impact, JobView reevaluation) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scheme> all() {
        return schemes.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Scheme get(String code) {
        return lookup.scheme(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyVersion> versions(String code) {
        get(code);
        return schemes.versions(code);
    }

    /**
     * Stores the policy as the scheme's next version (every problem in it is reported at once and nothing changes),
     * reports its impact and starts the job that re-grades every customer under it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PolicyApplied change(String code, PolicyDefinition policy, String note, String author) {
        // The simulation reads every customer: it runs before the transaction, which then only adds the version and
        // starts its job, so no transaction stays open for the whole read (holding back vacuum meanwhile).
        Impact impact = distribution.simulate(code, policy);
        return QuarkusTransaction.requiringNew().call(() -> {
            GradingScheme scheme = schemes.lock(code)
                    .orElseThrow(() -> ResourceNotFoundException.of("Tier scheme", code));
            Instant now = clock.instant();
            int version = scheme.adopt(now);
            schemes.addVersion(scheme, version, policy, note, author, now);
            JobView job = jobs.start("policy " + code + " v" + version, author);
            return new PolicyApplied(SchemeView.of(get(code)), impact, job);
        });
    }
}

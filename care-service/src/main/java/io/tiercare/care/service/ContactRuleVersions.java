package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import io.tiercare.care.domain.ContactRules;
import io.tiercare.care.repository.ContactRulesRepository;
import io.tiercare.care.repository.ContactRulesRepository.RulesRow;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The contact rules' versions: the one in force, every version, a change checked whole. */
@ApplicationScoped
@Transactional
public class ContactRuleVersions {

    /** A version as the API shows it. */
    public record RulesVersion(int version, int monthlyBudget, LocalTime quietFrom, LocalTime quietTo, String author,
            String note, Instant createdAt) {

        static RulesVersion of(RulesRow row) {
            return new RulesVersion(row.version(), row.rules().monthlyBudget(), row.rules().quietFrom(),
                    row.rules().quietTo(), row.author(), row.note(), row.createdAt());
        }
    }

    /** Every version, newest first. */
    public record History(List<RulesVersion> items) {
    }

    private final ContactRulesRepository repository;
    private final Clock clock;

    ContactRuleVersions(ContactRulesRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The rules in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactRules rules() {
        return repository.current().rules();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RulesVersion current() {
        return RulesVersion.of(repository.current());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history() {
        return new History(repository.history(200).stream().map(RulesVersion::of).toList());
    }

    public RulesVersion change(ContactRules rules, String note, String author) {
        List<Violation> problems = rules.violations();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return RulesVersion.of(repository.add(rules, author, note, Instant.now(clock)));
    }
}

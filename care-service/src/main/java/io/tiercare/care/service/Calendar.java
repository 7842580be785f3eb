package io.tiercare.care.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tiercare.care.domain.WorkingDays;
import io.tiercare.care.repository.CalendarRepository;
import io.tiercare.care.repository.CalendarRepository.CalendarDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The working-day calendar due dates count on: complaint-service's, as its events describe it. Read from the table at
 * most once every few seconds (a replica that did not apply a change itself sees it that much later).
 */
@ApplicationScoped
public class Calendar {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Cached(WorkingDays days, Instant readAt) {
    }

    private final CalendarRepository repository;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Cached cached;

    Calendar(CalendarRepository repository, TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingDays workingDays() {
        Cached c = cached;
        Instant now = Instant.now();
        if (c == null || c.readAt().plus(FRESH_FOR).isBefore(now)) {
            c = new Cached(new WorkingDays(repository.exceptions()), now);
            cached = c;
        }
        return c.days();
    }

    /** Applies a calendar change (null {@code working}: the exception was removed); stale changes are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(LocalDate day, Boolean working, String name, Instant changedAt) {
        if (repository.apply(day, working, name, changedAt)) {
            cached = null;
            // a read between now and the commit may cache the old calendar again: forget it once more afterwards
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        return repository.days(from, to);
    }
}

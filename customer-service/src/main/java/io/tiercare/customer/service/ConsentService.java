package io.tiercare.customer.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.customer.domain.Consent;
import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.event.ConsentChanged;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.ConsentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Marketing consent per channel (PIPL). A change is kept as history and published; a repeat changes nothing. */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final ConsentRepository consents;
    private final CustomerAccess access;
    private final CustomerEventPublisher events;
    private final Clock clock;

    ConsentService(ConsentRepository consents, CustomerAccess access, CustomerEventPublisher events, Clock clock) {
        this.consents = consents;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public ConsentView change(Caller caller, UUID customerId, ContactChannel channel, boolean granted, String source,
            Instant at) {
        // locked: two changes of the same customer's consent must not interleave
        Customer customer = access.locked(caller, customerId);
        Instant now = clock.instant();
        Instant changedAt = at == null ? now : at;
        if (changedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("changedAt", "must not be in the future");
        }
        var latest = consents.current(customer.id(), channel);
        if (latest.isEmpty() || latest.get().granted() != granted) {
            consents.persist(new Consent(customer.id(), channel, granted, source.strip(), changedAt, now));
            events.publish(List.of(new ConsentChanged(customer.id(), channel, granted, source.strip(), changedAt)));
        }
        return view(customer.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView get(Caller caller, UUID customerId) {
        return view(access.visible(caller, customerId).id());
    }

    private ConsentView view(UUID customerId) {
        List<Consent> history = consents.history(customerId);
        List<ConsentView.Entry> current = new ArrayList<>();
        for (ContactChannel channel : ContactChannel.values()) {
            history.stream().filter(c -> c.channel() == channel).findFirst()
                    .ifPresent(c -> current.add(ConsentView.Entry.of(c)));
        }
        return new ConsentView(customerId, current, history.stream().map(ConsentView.Entry::of).toList());
    }
}

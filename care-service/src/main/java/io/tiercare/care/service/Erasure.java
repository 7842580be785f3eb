package io.tiercare.care.service;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.care.domain.CareTask;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.ContactPointRepository;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.MessageRepository;
import io.tiercare.care.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * {@code customer.erased}: the customer's open tasks are cancelled, every note and reason a person wrote about them
 * goes, how to reach and address them goes, every message keeps only its facts (no text, address or values), and the
 * projection keeps only the id and the fact of erasure. The tasks' facts (item, tier, dates, outcome) stay,
 * anonymous, for the coverage counts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Erasure {

    private final CustomerRepository customers;
    private final TaskRepository tasks;
    private final CarePlanning planning;
    private final ContactPointRepository contactPoints;
    private final MessageRepository messages;
    private final CareEventPublisher publisher;

    Erasure(CustomerRepository customers, TaskRepository tasks, CarePlanning planning,
            ContactPointRepository contactPoints, MessageRepository messages, CareEventPublisher publisher) {
        this.publisher = publisher;
        this.messages = messages;
        this.customers = customers;
        this.tasks = tasks;
        this.planning = planning;
        this.contactPoints = contactPoints;
    }

    public void erase(UUID customerId, Instant erasedAt) {
        customers.erased(customerId, erasedAt);
        planning.replan(customerId, "customer erased");
        // the tasks events asked for are not the plan's: cancelled here
        publisher.publishAll(tasks.openEventTasks(customerId).stream()
                .map(t -> t.cancel("customer erased", erasedAt)).toList());
        tasks.tasksOf(customerId).forEach(CareTask::forget);
        tasks.forgetActionNotes(customerId);
        customers.forgetTiers(customerId);
        contactPoints.forget(customerId);
        messages.forget(customerId);
    }

    /**
     * {@code customer.personal-data}'s tombstone (an erasure, or a record merged into another): how to address and
     * reach the customer under this id, and their birthday, go.
     */
    public void forgetPersonalData(UUID customerId, Instant at) {
        contactPoints.forget(customerId);
        customers.birthday(customerId, null, at);
    }
}

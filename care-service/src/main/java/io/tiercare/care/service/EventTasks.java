package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.tiercare.care.domain.Cadence;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.CarePlan;
import io.tiercare.care.domain.CarePlanner.Occurrence;
import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.CareTask.Scheduled;
import io.tiercare.care.domain.OutreachPolicy;
import io.tiercare.care.domain.Owner;
import io.tiercare.care.domain.TaskKind;
import io.tiercare.care.domain.WelcomeGifts;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.GiftRepository;
import io.tiercare.care.repository.GiftRepository.Gift;
import io.tiercare.care.repository.PlanRepository;
import io.tiercare.care.repository.TaskRepository;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Tasks that events ask for, beside the plan's: a welcome gift when a customer reaches a level the outreach policy
 * names ({@link WelcomeGifts} decides which gift), a follow-up call after a resolved complaint (due within the
 * working days the policy gives the customer's tier), an escalation to the supervisors after a low rating. Each is
 * opened once per occasion, however often its event arrives, goes to the customer's account manager's queue, names
 * the event it came from, and is left alone by re-planning.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventTasks {

    private static final Logger LOG = Logger.getLogger(EventTasks.class);
    /** How long after its due date an event's task may still be done before it counts as missed. */
    static final int GRACE_DAYS = 30;

    private final OutreachPolicies policies;
    private final TaskRepository tasks;
    private final CustomerRepository customers;
    private final GiftRepository gifts;
    private final Calendar calendar;
    private final CareEventPublisher publisher;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final PlanRepository plans;

    EventTasks(OutreachPolicies policies, TaskRepository tasks, CustomerRepository customers, GiftRepository gifts,
            Calendar calendar, CareEventPublisher publisher, BusinessTime businessTime, Clock clock,
            PlanRepository plans) {
        this.plans = plans;
        this.policies = policies;
        this.tasks = tasks;
        this.customers = customers;
        this.gifts = gifts;
        this.calendar = calendar;
        this.publisher = publisher;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** A tier change (already applied to the projection): a welcome gift when it earns one. */
    public void tierChanged(UUID customerId, String scheme, String fromTier, String toTier, String direction,
            Instant effectiveAt) {
        OutreachPolicy.Welcome policy = policies.current().welcome();
        if (!policy.scheme().equals(scheme) || !policy.tiers().contains(toTier) || !active(customerId)) {
            return;
        }
        String occasion = "WELCOME_GIFT:" + scheme + ":" + toTier + ":" + effectiveAt;
        if (tasks.hasOccasion(customerId, occasion)) {
            return;
        }
        List<WelcomeGifts.Past> past = tasks.welcomes(customerId).stream()
                .map(r -> new WelcomeGifts.Past((String) r[0], (String) r[1], (Instant) r[2])).toList();
        List<Gift> catalogue = gifts.active();
        WelcomeGifts.Decision decision = WelcomeGifts.decide(policy, scheme, fromTier, toTier, direction,
                effectiveAt, past, catalogue.stream().map(Gift::code).toList());
        if (!decision.gives()) {
            LOG.infof("No welcome gift for customer %s: %s", customerId, decision.reason());
            return;
        }
        String giftName = catalogue.stream().filter(g -> g.code().equals(decision.giftCode())).findFirst()
                .map(Gift::name).orElse(decision.giftCode());
        open(customerId, occasion, decision.giftCode(), new CarePlan.Item("WELCOME_GIFT", scheme, toTier,
                "迎新礼:" + giftName, TaskKind.GIFT, CareChannel.IN_PERSON, Cadence.YEARLY, Owner.ACCOUNT_MANAGER,
                policy.dueWithinWorkingDays(), true, false), policy.dueWithinWorkingDays(), decision.reason());
    }

    /** A resolved complaint: a follow-up call to check the customer's satisfaction. */
    public void complaintResolved(UUID customerId, UUID complaintId, Instant resolvedAt) {
        OutreachPolicy.FollowUp policy = policies.current().followUp();
        if (!active(customerId)) {
            return;
        }
        String tier = tierIn(customerId, policy.scheme());
        int within = policy.dueWithin(tier);
        open(customerId, "COMPLAINT_FOLLOW_UP:" + complaintId, null, new CarePlan.Item("COMPLAINT_FOLLOW_UP",
                policy.scheme(), tier, "投诉回访", TaskKind.CALL, CareChannel.PHONE, Cadence.YEARLY,
                Owner.ACCOUNT_MANAGER, within, true, true), within, "complaint " + complaintId + " resolved on "
                        + resolvedAt + ": a follow-up call within " + within + " working day(s) (" + policy.scheme()
                        + " " + tier + ")");
    }

    /** A rated complaint whose rating asks for it: a call escalated to the supervisors at once. */
    public void complaintRated(UUID customerId, UUID complaintId, int rating, boolean followUpRequired) {
        OutreachPolicy.FollowUp policy = policies.current().followUp();
        if (!followUpRequired || !active(customerId)) {
            return;
        }
        int within = policy.escalationWithinWorkingDays();
        open(customerId, "COMPLAINT_ESCALATION:" + complaintId, null, new CarePlan.Item("COMPLAINT_ESCALATION",
                policy.scheme(), tierIn(customerId, policy.scheme()), "投诉低评分升级处理", TaskKind.CALL,
                CareChannel.PHONE, Cadence.YEARLY, Owner.ACCOUNT_MANAGER, within, true, true), within,
                "complaint " + complaintId + " rated " + rating + " of 5: escalated to the supervisors, a call within "
                        + within + " working day(s)").ifPresent(task -> publisher.publishAll(List.of(
                                task.escalateOnArrival(Instant.now(clock)))));
    }

    private Optional<CareTask> open(UUID customerId, String occasion, String giftCode, CarePlan.Item item,
            int withinWorkingDays, String explanation) {
        if (tasks.hasOccasion(customerId, occasion)) {
            return Optional.empty();
        }
        LocalDate today = businessTime.today();
        LocalDate due = calendar.workingDays().plus(today, withinWorkingDays);
        Scheduled scheduled = CareTask.openOnce(customerId, occasion, giftCode, new Occurrence(item, today, due,
                due.plusDays(GRACE_DAYS), customers.accountManager(customerId), explanation),
                plans.current().version(), Instant.now(clock));
        tasks.add(scheduled.task());
        List<TaskEvent> events = List.of(scheduled.event());
        publisher.publishAll(events);
        return Optional.of(scheduled.task());
    }

    private boolean active(UUID customerId) {
        return customers.find(customerId).map(c -> c.active()).orElse(false);
    }

    private String tierIn(UUID customerId, String scheme) {
        return customers.find(customerId).map(c -> c.tiers().get(scheme)).orElse("NONE");
    }
}

package io.tiercare.customer.service;

import io.tiercare.customer.repository.CustomerSearch;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ActionForbiddenException;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.PreconditionFailedException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.domain.ContactWindow;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerProfile;
import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Customer records: create, read, change, list. Every change appends its events in the same transaction. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private static final int EXPORT_PAGE = 1000;

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerEventPublisher events;
    private final PersonalDataAudit audit;
    private final BusinessTime businessTime;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerAccess access, CustomerEventPublisher events,
            PersonalDataAudit audit, BusinessTime businessTime, Clock clock) {
        this.customers = customers;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** What a client may set when registering: the profile's raw values, checked by {@link CustomerProfile#of}. */
    public record RegisterCustomer(CustomerType type, String name, io.tiercare.customer.domain.Gender gender,
            java.time.LocalDate birthday, String mobilePhone, String email, String province, String city,
            String address, String industry, io.tiercare.customer.domain.CompanyScale companyScale,
            String sourceChannel, List<String> tags, UUID referredBy, Boolean usesCompetitor,
            String accountManagerId) {

        CustomerProfile profile(java.time.LocalDate today) {
            return CustomerProfile.of(name, gender, birthday, mobilePhone, email, province, city, address, industry,
                    companyScale, sourceChannel, tags, referredBy, usesCompetitor, today);
        }
    }

    public CustomerView register(Caller caller, RegisterCustomer command) {
        CustomerProfile profile = command.profile(businessTime.today());
        // an account manager registering a customer looks after it, and names no one else
        String named = blankToNull(command.accountManagerId());
        if (caller.managerScope().isPresent() && named != null && !named.equals(caller.managerScope().get())) {
            throw new InvalidInputException("accountManagerId", "an account manager registers customers for "
                    + "themselves only: leave it out, or name yourself");
        }
        requireUniqueContact(caller, profile, null);
        requireReferrer(caller, profile.referredBy(), null);
        String manager = caller.managerScope().orElse(named);
        Customer customer = Customer.register(command.type(), profile, manager, clock.instant());
        customers.persist(customer);
        // flush so a concurrent duplicate fails here, inside the transaction, rather than at commit
        customers.flush();
        events.publish(customer.pullEvents());
        return CustomerView.of(customer, caller.seesMaskedData());
    }

    /** Read-only: no transaction of its own; an unmasked read writes its audit row in one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerView get(Caller caller, UUID id) {
        Customer customer = access.visible(caller, id);
        audit.recordReads(caller, List.of(customer.id()), "READ");
        return CustomerView.of(customer, caller.seesMaskedData());
    }

    /**
     * Applies a partial update (JSON merge patch: a field set to null is cleared) if the caller holds the current
     * version; returns the record after the change.
     */
    public CustomerView update(Caller caller, UUID id, long expectedVersion, Map<String, Object> changes) {
        Customer customer = access.visible(caller, id);
        if (customer.version() != expectedVersion) {
            throw new PreconditionFailedException("customer " + customer.id() + " is at version " + customer.version()
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        CustomerProfile.Builder builder = customer.profile().toBuilder();
        changes.forEach(builder::set);
        CustomerProfile next = builder.build(businessTime.today());
        requireUniqueContact(caller, next, customer.id());
        requireReferrer(caller, next.referredBy(), customer.id());
        customer.update(next, clock.instant());
        customers.flush();
        events.publish(customer.pullEvents());
        audit.recordReads(caller, List.of(customer.id()), "UPDATE");
        return CustomerView.of(customer, caller.seesMaskedData());
    }

    public CustomerView assignAccountManager(Caller caller, UUID id, String managerId) {
        Customer customer = access.visible(caller, id);
        customer.assignAccountManager(blankToNull(managerId), clock.instant());
        customers.flush();
        events.publish(customer.pullEvents());
        audit.recordReads(caller, List.of(customer.id()), "UPDATE");
        return CustomerView.of(customer, caller.seesMaskedData());
    }

    public CustomerView changePreferences(Caller caller, UUID id, ContactChannel preferred,
            List<ContactWindow> windows, boolean doNotDisturb) {
        Customer customer = access.visible(caller, id);
        customer.changePreferences(preferred, windows, doNotDisturb, clock.instant());
        customers.flush();
        events.publish(customer.pullEvents());
        audit.recordReads(caller, List.of(customer.id()), "UPDATE");
        return CustomerView.of(customer, caller.seesMaskedData());
    }

    public Page<CustomerView> list(Caller caller, CustomerSearch search, PageRequest page) {
        requireSearchable(caller, search);
        CustomerRepository.SearchResult result = customers.search(search,
                caller.managerScope().orElse(null), page);
        audit.recordReads(caller, result.items().stream().map(Customer::id).toList(), "LIST");
        return Page.of(result.items().stream().map(c -> CustomerView.of(c, caller.seesMaskedData())).toList(),
                page, result.total());
    }

    /**
     * Hands every matching customer to {@code sink}, a page at a time, each page read (and its unmasked reads
     * audited) in a transaction of its own, so an export of any size holds no long transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void export(Caller caller, CustomerSearch search, java.util.function.Consumer<List<CustomerView>> sink) {
        requireSearchable(caller, search);
        String scope = caller.managerScope().orElse(null);
        Customer[] last = { null };
        while (true) {
            List<CustomerView> page = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                List<Customer> batch = customers.after(search, scope, last[0], EXPORT_PAGE);
                if (!batch.isEmpty()) {
                    last[0] = batch.get(batch.size() - 1);
                }
                audit.recordReads(caller, batch.stream().map(Customer::id).toList(), "EXPORT");
                return batch.stream().map(c -> CustomerView.of(c, caller.seesMaskedData())).toList();
            });
            if (page.isEmpty()) {
                return;
            }
            sink.accept(page);
        }
    }

    /**
     * Roles that read phone numbers and email addresses masked may not search by them either: an exact match would
     * confirm a guessed number (the mask leaves 7 of 11 digits).
     */
    private static void requireSearchable(Caller caller, CustomerSearch search) {
        if (caller.seesMaskedData() && (search.mobilePhone() != null || search.email() != null)) {
            throw new ActionForbiddenException("phone numbers and email addresses are masked for "
                    + caller.rolesText() + ": searching by them is not allowed either");
        }
    }

    private void requireUniqueContact(Caller caller, CustomerProfile profile, UUID self) {
        if (profile.mobilePhone() != null) {
            customers.findLiveByMobilePhone(profile.mobilePhone()).filter(c -> !c.id().equals(self))
                    .ifPresent(existing -> {
                        throw new ConflictException("mobilePhone already belongs to " + owner(caller, existing));
                    });
        }
        if (profile.email() != null) {
            customers.findLiveByEmail(profile.email()).filter(c -> !c.id().equals(self))
                    .ifPresent(existing -> {
                        throw new ConflictException("email already belongs to " + owner(caller, existing));
                    });
        }
    }

    /** The owner of a taken phone or email as the caller may learn it: named only to those who may read them. */
    private static String owner(Caller caller, Customer existing) {
        boolean reads = !caller.seesMaskedData()
                && caller.managerScope().map(me -> me.equals(existing.accountManagerId())).orElse(true);
        return reads ? "customer " + existing.id() : "another customer";
    }

    private void requireReferrer(Caller caller, UUID referredBy, UUID self) {
        if (referredBy == null) {
            return;
        }
        if (referredBy.equals(self)) {
            throw new InvalidInputException("referredBy", "a customer cannot refer themselves");
        }
        // another account manager's customer is, to an account manager, no customer at all
        Customer referrer = customers.findByIdOptional(referredBy)
                .filter(c -> caller.managerScope().map(me -> me.equals(c.accountManagerId())).orElse(true))
                .orElseThrow(() -> new InvalidInputException("referredBy", "no customer " + referredBy));
        if (referrer.status() != CustomerStatus.ACTIVE) {
            throw new InvalidInputException("referredBy", "customer " + referredBy + " is "
                    + referrer.status().name().toLowerCase());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

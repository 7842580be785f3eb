package io.tiercare.customer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.customer.domain.event.AccountManagerAssigned;
import io.tiercare.customer.domain.event.CustomerErased;
import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.domain.event.CustomerMerged;
import io.tiercare.customer.domain.event.CustomerRegistered;
import io.tiercare.customer.domain.event.CustomerUpdated;
import io.tiercare.customer.domain.event.PersonalDataChanged;
import io.tiercare.customer.domain.event.PersonalDataErased;
import io.tiercare.customer.domain.event.PreferencesChanged;
import io.tiercare.customer.domain.event.ProfileFacts;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** A customer record (客户档案): the aggregate root of customer-service. Its methods return what happened. */
@Entity
@Table(name = "customer")
public class Customer {

    /** What an erased record shows instead of the name. */
    public static final String ERASED_NAME = "已删除";

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private CustomerType type;
    @Enumerated(EnumType.STRING)
    private CustomerStatus status;
    private String name;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private LocalDate birthday;
    private String mobilePhone;
    private String email;
    private String province;
    private String city;
    private String address;
    private String industry;
    @Enumerated(EnumType.STRING)
    private CompanyScale companyScale;
    private String sourceChannel;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags;
    private UUID referredBy;
    private boolean usesCompetitor;
    private String accountManagerId;
    @Enumerated(EnumType.STRING)
    private ContactChannel preferredChannel;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ContactWindow> contactWindows;
    private boolean doNotDisturb;
    private UUID mergedInto;
    private Instant erasedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @Transient
    private final List<CustomerEvent> pendingEvents = new ArrayList<>();

    protected Customer() {
    }

    public static Customer register(CustomerType type, CustomerProfile profile, String accountManagerId,
            Instant now) {
        Customer customer = new Customer();
        customer.id = TimeOrderedUuid.next();
        customer.type = type;
        customer.status = CustomerStatus.ACTIVE;
        customer.apply(profile);
        customer.accountManagerId = accountManagerId;
        customer.contactWindows = List.of();
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.pendingEvents.add(new CustomerRegistered(customer.id, type, ProfileFacts.of(profile),
                accountManagerId, now));
        customer.pendingEvents.add(PersonalDataChanged.of(customer.id, profile, now));
        return customer;
    }

    /** Replaces the profile; publishes the change only when some field really changed. */
    public List<String> update(CustomerProfile next, Instant now) {
        requireActive();
        List<String> changed = next.changedFrom(profile());
        if (!changed.isEmpty()) {
            apply(next);
            updatedAt = now;
            pendingEvents.add(new CustomerUpdated(id, changed, ProfileFacts.of(next), now));
            if (changed.stream().anyMatch(PersonalDataChanged.FIELDS::contains)) {
                pendingEvents.add(PersonalDataChanged.of(id, next, now));
            }
        }
        return changed;
    }

    public void assignAccountManager(String managerId, Instant now) {
        requireActive();
        if (Objects.equals(accountManagerId, managerId)) {
            return;
        }
        String previous = accountManagerId;
        accountManagerId = managerId;
        updatedAt = now;
        pendingEvents.add(new AccountManagerAssigned(id, previous, managerId, now));
    }

    public void changePreferences(ContactChannel preferred, List<ContactWindow> windows, boolean dnd, Instant now) {
        requireActive();
        List<ContactWindow> newWindows = windows == null ? List.of() : List.copyOf(windows);
        if (preferred == preferredChannel && newWindows.equals(contactWindows) && dnd == doNotDisturb) {
            return;
        }
        preferredChannel = preferred;
        contactWindows = newWindows;
        doNotDisturb = dnd;
        updatedAt = now;
        pendingEvents.add(new PreferencesChanged(id, preferred, newWindows, dnd, now));
    }

    /** Marks this record as a duplicate of {@code survivor}; the survivor publishes the merge. */
    public void mergeInto(Customer survivor, int purchases, int inquiries, int consents, Instant now) {
        requireActive();
        survivor.requireActive();
        if (survivor.id.equals(id)) {
            throw new ConflictException("a customer cannot be merged into itself");
        }
        status = CustomerStatus.MERGED;
        mergedInto = survivor.id;
        updatedAt = now;
        survivor.updatedAt = now;
        survivor.pendingEvents.add(new CustomerMerged(survivor.id, id, purchases, inquiries, consents, now));
        survivor.pendingEvents.add(new PersonalDataErased(id, now));
    }

    /** Anonymises every personal field (PIPL right to deletion); type, region and industry stay for statistics. */
    public void erase(Instant now) {
        if (status == CustomerStatus.ERASED) {
            return;
        }
        status = CustomerStatus.ERASED;
        name = ERASED_NAME;
        gender = null;
        birthday = null;
        mobilePhone = null;
        email = null;
        address = null;
        tags = List.of();
        referredBy = null;
        preferredChannel = null;
        contactWindows = List.of();
        erasedAt = now;
        updatedAt = now;
        pendingEvents.add(new CustomerErased(id, now));
        pendingEvents.add(new PersonalDataErased(id, now));
    }

    public CustomerProfile profile() {
        return new CustomerProfile(name, gender, birthday, mobilePhone, email, province, city, address, industry,
                companyScale, sourceChannel, tags == null ? List.of() : List.copyOf(tags), referredBy,
                usesCompetitor);
    }

    /** The events produced since the last call, for the service to append to the outbox. */
    public List<CustomerEvent> pullEvents() {
        List<CustomerEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void requireActive() {
        if (status != CustomerStatus.ACTIVE) {
            throw new ConflictException("customer " + id + " is " + status.name().toLowerCase() + " and cannot change");
        }
    }

    private void apply(CustomerProfile p) {
        name = p.name();
        gender = p.gender();
        birthday = p.birthday();
        mobilePhone = p.mobilePhone();
        email = p.email();
        province = p.province();
        city = p.city();
        address = p.address();
        industry = p.industry();
        companyScale = p.companyScale();
        sourceChannel = p.sourceChannel();
        tags = p.tags();
        referredBy = p.referredBy();
        usesCompetitor = p.usesCompetitor();
    }

    public UUID id() {
        return id;
    }

    public CustomerType type() {
        return type;
    }

    public CustomerStatus status() {
        return status;
    }

    public String accountManagerId() {
        return accountManagerId;
    }

    public ContactChannel preferredChannel() {
        return preferredChannel;
    }

    public List<ContactWindow> contactWindows() {
        return contactWindows == null ? List.of() : contactWindows;
    }

    public boolean doNotDisturb() {
        return doNotDisturb;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

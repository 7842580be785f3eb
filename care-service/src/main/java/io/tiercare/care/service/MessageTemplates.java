package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.Engine;
import io.tiercare.care.CareConfig;
import io.tiercare.care.domain.MessageTemplate;
import io.tiercare.care.domain.Salutation;
import io.tiercare.care.repository.ContactPointRepository;
import io.tiercare.care.repository.ContactPointRepository.ContactPoint;
import io.tiercare.care.repository.TemplateRepository;
import io.tiercare.care.repository.TemplateRepository.TemplateRow;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Message templates: read, changed (validated whole, stored as the next version), previewed for a customer. */
@ApplicationScoped
@Transactional
public class MessageTemplates {

    /** A version as the API shows it. */
    public record TemplateVersion(String code, int version, String kind, String channel, String subject, String body,
            String smsSignName, String smsTemplateCode, List<String> placeholders, String author, String note,
            Instant createdAt) {
    }

    /** A list of versions. */
    public record Versions(List<TemplateVersion> items) {
    }

    /** A template rendered for one customer. */
    public record Preview(String code, int version, String channel, String subject, String body,
            Map<String, String> values) {
    }

    private final TemplateRepository repository;
    private final ContactPointRepository contactPoints;
    private final CareConfig.Company company;
    private final Engine engine;
    private final Clock clock;
    private final io.tiercare.chassis.audit.PersonalDataReads reads;

    MessageTemplates(TemplateRepository repository, ContactPointRepository contactPoints, CareConfig config,
            Engine engine, Clock clock, io.tiercare.chassis.audit.PersonalDataReads reads) {
        this.reads = reads;
        this.repository = repository;
        this.contactPoints = contactPoints;
        this.company = config.company();
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versions current() {
        return new Versions(repository.current().stream().map(this::view).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateVersion current(String code) {
        return view(row(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versions versions(String code) {
        List<TemplateRow> rows = repository.versions(code);
        if (rows.isEmpty()) {
            throw ResourceNotFoundException.of("message template", code);
        }
        return new Versions(rows.stream().map(this::view).toList());
    }

    /** Stores the template as the next version of its code, after checking it whole. */
    public TemplateVersion change(MessageTemplate template, String note, String author) {
        List<Violation> problems = template.violations(engine);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TemplateRow current = repository.current(template.code());
        if (current != null && current.template().kind() != template.kind()) {
            throw new InvalidInputException("kind", "a template keeps its kind (" + current.template().kind()
                    + "); use another code for another kind");
        }
        return view(repository.add(template, author, note, Instant.now(clock)));
    }

    /** The template's newest version rendered for a customer, with any values the caller gives (an appointment's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(String code, UUID customerId, Map<String, String> given) {
        TemplateRow row = row(code);
        ContactPoint point = contactPoints.find(customerId)
                .orElseThrow(() -> ResourceNotFoundException.of("customer", customerId));
        Map<String, String> values = new HashMap<>(given == null ? Map.of() : given);
        for (String key : values.keySet()) {
            if (!row.template().kind().placeholders().contains(key)) {
                throw new InvalidInputException("values." + key, "is not a placeholder of " + row.template().kind()
                        + "; known: " + String.join(", ", row.template().kind().placeholders()));
            }
        }
        values.putAll(customerValues(point));
        values.putAll(company.values());
        MessageTemplate.Rendered rendered = row.template().render(engine, values);
        reads.record(List.of(customerId), "PREVIEW");
        return new Preview(code, row.version(), row.template().channel().name(), rendered.subject(), rendered.body(),
                values);
    }

    /** The placeholders every message knows about its customer. */
    static Map<String, String> customerValues(ContactPoint point) {
        return Map.of("customer.salutation", Salutation.of(point.name(), point.gender()),
                "customer.familyName", Salutation.familyName(point.name()));
    }

    private TemplateRow row(String code) {
        TemplateRow row = repository.current(code);
        if (row == null) {
            throw ResourceNotFoundException.of("message template", code);
        }
        return row;
    }

    private TemplateVersion view(TemplateRow row) {
        MessageTemplate t = row.template();
        return new TemplateVersion(t.code(), row.version(), t.kind().name(), t.channel().name(), t.subject(),
                t.body(), t.smsSignName(), t.smsTemplateCode(), List.copyOf(t.placeholders(engine)), row.author(),
                row.note(), row.createdAt());
    }
}

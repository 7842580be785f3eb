package io.tiercare.care.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.tiercare.chassis.http.Problem.Violation;

/**
 * A message template as data: what it is for, the channel it goes out on, its text with placeholders in Qute's
 * syntax ({@code 尊敬的{customer.salutation}:您好!}), a subject for email, and for SMS the signature (签名) and
 * template code the provider approved. {@link #violations} names every problem at once; {@link #render} fills it in.
 */
public record MessageTemplate(String code, OutreachKind kind, CareChannel channel, String subject, String body,
        String smsSignName, String smsTemplateCode) {

    public static final Set<CareChannel> CHANNELS = Set.of(CareChannel.SMS, CareChannel.EMAIL, CareChannel.WECHAT);
    static final int MAX_BODY = 2000;

    /** Every problem, each naming its field; empty when the template can be stored. */
    public List<Violation> violations(Engine engine) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
            violations.add(new Violation("code", "must be 2–64 capital letters, digits or _ (BIRTHDAY_SMS)"));
        }
        if (kind == null) {
            violations.add(new Violation("kind", "is required"));
        }
        if (channel == null || !CHANNELS.contains(channel)) {
            violations.add(new Violation("channel", "must be SMS, EMAIL or WECHAT"));
        }
        if (body == null || body.isBlank()) {
            violations.add(new Violation("body", "is required"));
        } else if (body.length() > MAX_BODY) {
            violations.add(new Violation("body", "must be at most " + MAX_BODY + " characters"));
        } else if (kind != null) {
            violations.addAll(check("body", body, engine));
        }
        if (channel == CareChannel.EMAIL) {
            if (subject == null || subject.isBlank()) {
                violations.add(new Violation("subject", "is required for EMAIL"));
            } else if (subject.length() > 200) {
                violations.add(new Violation("subject", "must be at most 200 characters"));
            } else if (kind != null) {
                violations.addAll(check("subject", subject, engine));
            }
        } else if (subject != null) {
            violations.add(new Violation("subject", "is for EMAIL only"));
        }
        if (channel == CareChannel.SMS) {
            if (smsSignName == null || !smsSignName.matches("[\\p{IsHan}\\p{L}\\p{N}]{2,12}")) {
                violations.add(new Violation("smsSignName", "the provider's approved signature (签名): 2–12 letters"));
            }
            if (smsTemplateCode == null || !smsTemplateCode.matches("[A-Za-z0-9_]{3,64}")) {
                violations.add(new Violation("smsTemplateCode", "the provider's approved template code (SMS_123456)"));
            }
        } else if (smsSignName != null || smsTemplateCode != null) {
            violations.add(new Violation(smsSignName != null ? "smsSignName" : "smsTemplateCode", "is for SMS only"));
        }
        return violations;
    }

    /**
     * The text filled in with the values by placeholder ({@code customer.salutation} → 段先生); a placeholder of
     * the kind without a value renders empty, so {@code {#if offer}…{/if}} leaves out what a customer is not granted.
     */
    public Rendered render(Engine engine, Map<String, String> values) {
        return render(engine::parse, values);
    }

    /** As {@link #render(Engine, Map)}, with the texts parsed by {@code parser} (which may keep what it parsed). */
    public Rendered render(Function<String, Template> parser, Map<String, String> values) {
        Map<String, Object> data = new HashMap<>();
        for (String placeholder : kind.placeholders()) {
            put(data, placeholder, values.getOrDefault(placeholder, ""));
        }
        return new Rendered(subject == null ? null : parser.apply(subject).render(data),
                parser.apply(body).render(data));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> data, String path, String value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            data.put(path, value);
        } else {
            put((Map<String, Object>) data.computeIfAbsent(path.substring(0, dot), k -> new HashMap<String, Object>()),
                    path.substring(dot + 1), value);
        }
    }

    /** A filled-in message: its subject (email) and text. */
    public record Rendered(String subject, String body) {
    }

    /** The placeholders the text uses, e.g. {@code customer.salutation}: an SMS sends their values by these names. */
    public Set<String> placeholders(Engine engine) {
        Set<String> used = new TreeSet<>();
        for (Expression expression : engine.parse(body).getExpressions()) {
            if (!expression.isLiteral()) {
                used.add(path(expression));
            }
        }
        return used;
    }

    private List<Violation> check(String field, String text, Engine engine) {
        Template template;
        try {
            template = engine.parse(text);
        } catch (TemplateException e) {
            return List.of(new Violation(field, "cannot be read: " + e.getMessage()));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (Expression expression : template.getExpressions()) {
            if (expression.isLiteral()) {
                continue;
            }
            String path = path(expression);
            if (expression.getNamespace() != null || !kind.placeholders().contains(path)) {
                unknown.add("{" + expression.toOriginalString() + "}");
            }
        }
        for (String placeholder : unknown) {
            violations.add(new Violation(field, "unknown placeholder " + placeholder + " for " + kind + "; known: "
                    + String.join(", ", kind.placeholders())));
        }
        return violations;
    }

    private static String path(Expression expression) {
        return String.join(".", expression.getParts().stream().map(Expression.Part::getName).toList());
    }

}

package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tiercare.care.delivery.WebhookDelivery;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.repository.ProviderRepository;
import io.tiercare.care.repository.ProviderRepository.Provider;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The webhook providers of SMS and WeChat: set by an ADMIN, the URL checked, the secret never shown again. */
@ApplicationScoped
@Transactional
public class DeliveryProviders {

    /** A provider as the API shows it: the secret's last four characters only. */
    public record ProviderView(String channel, String url, String secretEndsWith, int timeoutMs, String updatedBy,
            Instant updatedAt) {

        static ProviderView of(Provider p) {
            return new ProviderView(p.channel().name(), p.url(), p.secret().substring(p.secret().length() - 4),
                    p.timeoutMs(), p.updatedBy(), p.updatedAt());
        }
    }

    /** Every provider configured. */
    public record Providers(List<ProviderView> items) {
    }

    private final ProviderRepository repository;
    private final WebhookDelivery webhook;
    private final Clock clock;

    DeliveryProviders(ProviderRepository repository, WebhookDelivery webhook, Clock clock) {
        this.repository = repository;
        this.webhook = webhook;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Providers all() {
        return new Providers(repository.all().stream().map(ProviderView::of).toList());
    }

    public ProviderView save(CareChannel channel, String url, String secret, int timeoutMs, String by) {
        List<Violation> problems = new ArrayList<>();
        if (channel != CareChannel.SMS && channel != CareChannel.WECHAT) {
            problems.add(new Violation("channel", "a webhook provider is for SMS or WECHAT (email goes through SMTP)"));
        }
        webhook.refusal(url).ifPresent(why -> problems.add(new Violation("url", why)));
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            problems.add(new Violation("secret", "must be 16–200 characters (it signs every request)"));
        }
        if (timeoutMs < 100 || timeoutMs > 30_000) {
            problems.add(new Violation("timeoutMs", "must be 100–30000 milliseconds"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Provider provider = new Provider(channel, url, secret, timeoutMs, by, Instant.now(clock));
        repository.save(provider);
        return ProviderView.of(provider);
    }

    public void delete(CareChannel channel) {
        if (!repository.delete(channel)) {
            throw ResourceNotFoundException.of("delivery provider", channel);
        }
    }
}

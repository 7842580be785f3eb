package io.tiercare.care.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.care.CareConfig;
import io.tiercare.care.domain.WebhookTarget;
import io.tiercare.care.repository.ProviderRepository.Provider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMS and WeChat through the provider's webhook: one signed JSON POST per message. Headers: {@code Idempotency-Key}
 * (the message id: a provider that sees it twice sends once) and {@code X-TierCare-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "t.body" with the channel's secret>}. The URL is checked against the allow-list before every
 * call. 2xx: accepted; 408, 429, 5xx, a timeout or no answer: retryable; any other status: refused for good.
 */
@ApplicationScoped
public class WebhookDelivery {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper;
    private final Set<String> allowedPrivateHosts;
    private final Clock clock;

    WebhookDelivery(ObjectMapper mapper, Clock clock, CareConfig config) {
        this.mapper = mapper;
        this.clock = clock;
        this.allowedPrivateHosts = config.webhooks().allowedPrivateHosts();
    }

    /** The hosts allowed although not public (local use only). */
    public Set<String> allowedPrivateHosts() {
        return allowedPrivateHosts;
    }

    /** Why the URL may not be called, or empty. */
    public Optional<String> refusal(String url) {
        return WebhookTarget.refusal(url, allowedPrivateHosts, InetAddress::getAllByName);
    }

    public Delivery.Result send(Provider provider, Delivery.Outgoing message) {
        Optional<String> refused = refusal(provider.url());
        if (refused.isPresent()) {
            return Delivery.Result.failed("webhook: url " + refused.get(), false);
        }
        String body = body(message);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.url()))
                .timeout(Duration.ofMillis(provider.timeoutMs()))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.messageId())
                .header("X-TierCare-Signature", "t=" + timestamp + ",v1=" + sign(provider.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Delivery.Result.ok();
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return Delivery.Result.failed("webhook: HTTP " + status, retryable);
        } catch (IOException e) {
            return Delivery.Result.failed("webhook: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.Result.failed("webhook: interrupted", true);
        }
    }

    /** The request body: the signature and template code with named values for SMS, the text for WeChat. */
    String body(Delivery.Outgoing message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageId", message.messageId());
        json.put("channel", message.channel());
        json.put("to", message.to());
        if ("SMS".equals(message.channel())) {
            json.put("signName", message.signName());
            json.put("templateCode", message.templateCode());
            json.put("params", message.params());
        } else {
            json.put("text", message.text());
            json.put("params", message.params());
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"}: what a receiver recomputes to trust the request. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

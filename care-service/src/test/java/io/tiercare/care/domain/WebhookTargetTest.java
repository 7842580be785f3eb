package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    /** A resolver that knows a few names, as DNS would answer. */
    private static final Map<String, String> DNS = Map.of("sms.example.com", "203.0.113.10",
            "internal.example.com", "10.1.2.3", "metadata.example.com", "169.254.169.254",
            "rebind.example.com", "127.0.0.1", "v6.example.com", "2001:db8::1", "ula.example.com", "fd00::1",
            "cgnat.example.com", "100.64.0.1");
    private static final WebhookTarget.Resolver RESOLVER = host -> {
        String address = DNS.get(host);
        if (address == null) {
            if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return new InetAddress[] { InetAddress.getByName(host) };
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByName(address) };
    };

    @Test
    void aPublicHttpsHostMayBeCalled() {
        assertThat(WebhookTarget.refusal("https://sms.example.com/send", Set.of(), RESOLVER)).isEmpty();
        assertThat(WebhookTarget.refusal("https://v6.example.com/send", Set.of(), RESOLVER)).isEmpty();
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused() {
        assertThat(WebhookTarget.refusal("https://internal.example.com/x", Set.of(), RESOLVER))
                .hasValue("host internal.example.com resolves to 10.1.2.3, a loopback, private, link-local or "
                        + "metadata address");
        assertThat(WebhookTarget.refusal("https://metadata.example.com/latest", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://rebind.example.com/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://127.0.0.1/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://[::1]/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://[::ffff:192.168.1.1]/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://ula.example.com/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://cgnat.example.com/", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://0.0.0.0/", Set.of(), RESOLVER)).isPresent();
    }

    @Test
    void plainHttpCredentialsAndNonUrlsAreRefused() {
        assertThat(WebhookTarget.refusal("http://sms.example.com/send", Set.of(), RESOLVER))
                .hasValue("must use https (http only for a host allowed for local use)");
        assertThat(WebhookTarget.refusal("https://user:pw@sms.example.com/", Set.of(), RESOLVER))
                .hasValue("must not carry credentials");
        assertThat(WebhookTarget.refusal("file:///etc/passwd", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("not a url", Set.of(), RESOLVER)).isPresent();
        assertThat(WebhookTarget.refusal("https://nowhere.example.com/", Set.of(), RESOLVER))
                .hasValue("host nowhere.example.com does not resolve");
    }

    @Test
    void aHostAllowedForLocalUseMayBeCalledEvenOverHttp() {
        assertThat(WebhookTarget.refusal("http://127.0.0.1:18090/sms", Set.of("127.0.0.1"), RESOLVER)).isEmpty();
        assertThat(WebhookTarget.refusal("http://127.0.0.2:18090/sms", Set.of("127.0.0.1"), RESOLVER)).isPresent();
    }
}

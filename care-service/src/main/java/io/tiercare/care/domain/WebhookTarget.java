package io.tiercare.care.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a provider's webhook URL may be called: {@code https} (plain {@code http} only to a host allowed for local
 * use), no credentials in it, and a host whose every address is public — loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local and cloud metadata (169.254/16, fe80::/10), carrier-grade NAT (100.64/10),
 * unspecified and multicast addresses are refused unless the host is on the allow-list kept for local use. Checked
 * when the URL is saved and again before every call (a name may come to resolve elsewhere).
 */
public final class WebhookTarget {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private WebhookTarget() {
    }

    /** Why the URL may not be called, or empty when it may. */
    public static Optional<String> refusal(String url, Set<String> allowedPrivateHosts, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        String host = uri.getHost();
        if (host == null || !uri.isAbsolute()) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowedLocal = allowedPrivateHosts.contains(bare.toLowerCase());
        if (!scheme.equals("https") && !(scheme.equals("http") && allowedLocal)) {
            return Optional.of("must use https (http only for a host allowed for local use)");
        }
        if (allowedLocal) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + bare + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && first != 0 && !(first == 192 && second == 0 && (b[2] & 0xff) == 0); // this network, IETF
        }
        // IPv6 (an IPv4-mapped address arrives as IPv4): unique local fc00::/7 is private
        return address instanceof Inet6Address && (b[0] & 0xfe) != 0xfc;
    }
}

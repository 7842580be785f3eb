package io.tiercare.gateway.limits;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Which budget a request draws on: READ (GET, HEAD, OPTIONS), WRITE (the other methods) or BULK (a path under one of
 * the bulk prefixes: imports and exports, whatever the method). The path is compared as the services would read it,
 * so a different case, percent-encoding, doubled or trailing slashes never move a request to a larger budget.
 */
public enum RouteClass {
    READ, WRITE, BULK;

    public static RouteClass of(String method, String rawPath, List<String> bulkPrefixes) {
        String path = canonical(rawPath);
        for (String prefix : bulkPrefixes) {
            String p = canonical(prefix);
            if (path.equals(p) || path.startsWith(p + "/") || matchesWithSegments(path, p)) {
                return BULK;
            }
        }
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            default -> WRITE;
        };
    }

    /** Lower case, percent-decoded, one slash between segments, none at the end. */
    static String canonical(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = rawPath;
        }
        String path = decoded.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A prefix whose segments may be "*" (one segment), e.g. /api/v1/customers/export. */
    private static boolean matchesWithSegments(String path, String prefix) {
        if (!prefix.contains("*")) {
            return false;
        }
        String[] want = prefix.split("/");
        String[] have = path.split("/");
        if (have.length < want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }
}

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
        String decoded = rawPath;
        if (rawPath.indexOf('%') >= 0) {
            try {
                decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                decoded = rawPath;
            }
        }
        StringBuilder path = new StringBuilder(decoded.length());
        char previous = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = Character.toLowerCase(decoded.charAt(i));
            if (c != '/' || previous != '/') {
                path.append(c);
            }
            previous = c;
        }
        int length = path.length();
        if (length > 1 && path.charAt(length - 1) == '/') {
            path.setLength(length - 1);
        }
        return path.toString();
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

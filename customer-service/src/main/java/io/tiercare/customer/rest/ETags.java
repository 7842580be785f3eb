package io.tiercare.customer.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tiercare.chassis.problem.PreconditionFailedException;
import io.tiercare.chassis.problem.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;

/** The record version as an entity tag: {@code ETag: "3"} on reads, {@code If-Match: "3"} on updates. */
final class ETags {

    private static final Pattern VERSION = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client last read; missing → 428, not one of ours → 412. */
    static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("send If-Match with the ETag of your last read of this record");
        }
        Matcher matcher = VERSION.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not an ETag of this record");
        }
        return Long.parseLong(matcher.group(1));
    }
}

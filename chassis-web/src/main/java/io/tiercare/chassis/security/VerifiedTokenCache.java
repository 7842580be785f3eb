package io.tiercare.chassis.security;

import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Verifies a bearer token once and remembers the result until the token expires: clients send the same token with
 * every request, and checking its RS256 signature each time costs a tenth of a busy service's CPU. A token is only
 * cached after full verification (signature, issuer, audience, algorithm, expiry, and an issue time not in the
 * future: a token minted ahead of time with a stolen key would otherwise outlive any revocation) and never outlives
 * its expiry.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache extends DefaultJWTParser {

    /** Past this many distinct live tokens the cache starts over; a bound, not a tuning knob. */
    private static final int MAX_TOKENS = 20_000;
    /** How far ahead of this clock a token's issuer's clock may run. */
    static final long CLOCK_SKEW_SECONDS = 60;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        JsonWebToken fresh = super.parse(token);
        if (fresh.getIssuedAtTime() > System.currentTimeMillis() / 1000 + CLOCK_SKEW_SECONDS) {
            throw new ParseException("the token was issued in the future");
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, fresh);
        return fresh;
    }
}

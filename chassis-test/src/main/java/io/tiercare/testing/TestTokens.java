package io.tiercare.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs bearer tokens for tests with a key pair made once per test JVM; {@link TierCareTestInfrastructure} hands the
 * public half to the service under test, so nothing secret is ever committed.
 */
public final class TestTokens {

    public static final String ISSUER = "tiercare";
    public static final String AUDIENCE = "tiercare";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A valid token for the given role, as user {@code test-<role>}. */
    public static String forRole(String role) {
        return forUser("test-" + role.toLowerCase(), role);
    }

    public static String forUser(String user, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(user).upn(user).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1)).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(KEYS.getPrivate());
    }

    /** A token the services must refuse although signed with the right key: issued a day from now. */
    public static String issuedInTheFuture(String role) {
        long tomorrow = java.time.Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("test-future").upn("test-future").groups(Set.of(role))
                .issuedAt(tomorrow).expiresAt(tomorrow + 3600).jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** A token the services must refuse: signed with a key they don't trust. */
    public static String signedByStranger(String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("stranger").groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign(generate().getPrivate());
    }

    /** "Bearer ..." for the given role. */
    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }

    /** The public key, base64-encoded X.509, as {@code mp.jwt.verify.publickey} takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

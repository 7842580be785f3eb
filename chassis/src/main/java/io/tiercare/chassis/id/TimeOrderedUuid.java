package io.tiercare.chassis.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, the version and variant, then 74 random bits. They sort
 * by creation time, so a primary-key index on them grows at its right edge like a sequence instead of touching a
 * random page per insert (which, once the index outgrows memory, costs a read and a full-page WAL image each).
 * The random bits come from the same source as {@link UUID#randomUUID()}: ids stay unguessable.
 */
public final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (random[i] & 0xFFL);
        }
        long msb = ((unixMillis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | randA;
        long lsb = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** When a version 7 UUID was made (millisecond precision). */
    public static Instant time(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}

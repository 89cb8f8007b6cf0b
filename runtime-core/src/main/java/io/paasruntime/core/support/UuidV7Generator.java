package io.paasruntime.core.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds then random bits, so ids sort by creation
 * time (listings ordered by id are ordered by age). Monotonic within one generator.
 */
public final class UuidV7Generator implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis;
    private long sequence;

    public UuidV7Generator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            // same or earlier millisecond: keep order by counting up in the 12-bit rand_a field
            sequence++;
            if (sequence > 0xFFF) {
                lastMillis++;
                sequence = 0;
            }
            millis = lastMillis;
        } else {
            lastMillis = millis;
            sequence = random.nextInt(0x800);
        }
        long msb = (millis << 16) | 0x7000L | sequence;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

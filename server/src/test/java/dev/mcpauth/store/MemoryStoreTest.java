package dev.mcpauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory store keeps what a running server needs and drops what expired long ago. */
class MemoryStoreTest {

    @Test
    void purgesTokensThatExpiredLongAgoAsItWrites() {
        MemoryStore store = new MemoryStore();
        Instant now = Instant.now();
        store.saveTokens(List.of(StoreFixtures.accessToken("old", now.minus(Duration.ofDays(1)))));

        for (int i = 0; i < MemoryStore.PURGE_EVERY; i++) {
            store.saveTokens(
                    List.of(StoreFixtures.accessToken("t" + i, now.plus(Duration.ofHours(1)))));
        }

        assertTrue(store.findToken("old").isEmpty());
        assertEquals(MemoryStore.PURGE_EVERY, store.counts(now).activeTokens());
    }
}

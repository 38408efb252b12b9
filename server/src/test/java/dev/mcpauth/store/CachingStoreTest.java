package dev.mcpauth.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The validated-token cache never answers differently than the store behind it. */
class CachingStoreTest {

    private static final Instant NOW = Instant.now();

    private final MemoryStore memory = new MemoryStore();
    private final CountDownLatch lookedUp = new CountDownLatch(1);
    private final CountDownLatch revoked = new CountDownLatch(1);

    @Test
    void forgetsATokenRevokedWhileItsLookupWasInFlight() throws Exception {
        assertInactiveAfterRevokingDuringALookup(cache -> assertTrue(cache.revokeToken("a", NOW)));
    }

    @Test
    void forgetsAGrantRevokedWhileALookupWasInFlight() throws Exception {
        assertInactiveAfterRevokingDuringALookup(cache -> cache.revokeGrant("g", NOW));
    }

    private void assertInactiveAfterRevokingDuringALookup(Consumer<CachingStore> revoke)
            throws Exception {
        memory.saveTokens(List.of(StoreFixtures.accessToken("a", NOW.plus(Duration.ofHours(1)))));
        CachingStore cache = new CachingStore(pausingAfterFirstLookup());

        CompletableFuture<?> lookup = CompletableFuture.runAsync(() -> cache.findToken("a"));
        assertTrue(lookedUp.await(5, TimeUnit.SECONDS));
        revoke.accept(cache);
        revoked.countDown();
        lookup.get(5, TimeUnit.SECONDS);

        assertFalse(cache.findToken("a").orElseThrow().isActive(NOW));
    }

    /** The memory store, with the first token lookup held back until the test revoked. */
    private AuthStore pausingAfterFirstLookup() {
        return (AuthStore)
                Proxy.newProxyInstance(
                        AuthStore.class.getClassLoader(),
                        new Class<?>[] {AuthStore.class},
                        (proxy, method, args) -> {
                            Object result = invoke(method, args);
                            if (method.getName().equals("findToken") && lookedUp.getCount() > 0) {
                                lookedUp.countDown();
                                assertTrue(revoked.await(5, TimeUnit.SECONDS));
                            }
                            return result;
                        });
    }

    private Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(memory, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

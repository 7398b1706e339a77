package io.bulwark.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.ObjectStore;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {

    @Test
    void warmUpDecodesAndAsksTheStoreWithoutWritingAnything() {
        InMemoryObjectStore store = new InMemoryObjectStore();

        new StartupWarmUp(store).warmUp();

        assertThat(store.list("")).isEmpty();
    }

    @Test
    void aFailingStoreDoesNotFailTheWarmUp() {
        ObjectStore broken = (ObjectStore) Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the store is down");
                });

        assertThatCode(() -> new StartupWarmUp(broken).warmUp()).doesNotThrowAnyException();
    }
}

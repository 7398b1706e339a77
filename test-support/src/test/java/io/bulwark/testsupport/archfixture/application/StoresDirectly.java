package io.bulwark.testsupport.archfixture.application;

import io.bulwark.testsupport.archfixture.adapter.StoreAdapter;

/** Breaks the application rule: a use case that creates its adapter instead of taking the port. */
public final class StoresDirectly {

    private final Store store = new StoreAdapter();

    public Store store() {
        return store;
    }
}

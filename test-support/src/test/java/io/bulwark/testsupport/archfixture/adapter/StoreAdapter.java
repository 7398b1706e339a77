package io.bulwark.testsupport.archfixture.adapter;

import io.bulwark.testsupport.archfixture.application.Store;

/** An adapter implementing an application port. */
public final class StoreAdapter implements Store {}

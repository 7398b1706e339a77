package io.bulwark.testsupport.archfixture.domain;

import io.bulwark.testsupport.archfixture.adapter.StoreAdapter;

/** Breaks the domain rule on outer layers: uses an adapter. */
public record KnowsItsAdapter(StoreAdapter store) {}

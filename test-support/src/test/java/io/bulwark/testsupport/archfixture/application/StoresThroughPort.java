package io.bulwark.testsupport.archfixture.application;

/** Follows the application rule: takes the port. */
public record StoresThroughPort(Store store) {}

package io.bulwark.testsupport.archfixture.application;

/** A port. */
public interface Store {}

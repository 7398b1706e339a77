package io.bulwark.testsupport.archfixture.domain;

import java.time.Duration;

/** Follows the domain rules: plain Java values only. */
public record PureRule(Duration keep) {}

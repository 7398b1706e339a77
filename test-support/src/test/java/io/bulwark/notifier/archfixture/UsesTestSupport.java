package io.bulwark.notifier.archfixture;

import io.bulwark.testsupport.GnuPgHome;

/** Breaks the test-support rule. */
public record UsesTestSupport(GnuPgHome gnupg) {}

package io.bulwark.notifier.archfixture;

import io.bulwark.scheduler.archfixture.SchedulerThing;

/** Breaks the service isolation rule: the notifier uses a scheduler class. */
public record UsesScheduler(SchedulerThing[] things) {}

package io.bulwark.scheduler.archfixture;

/** Uses a class of its own service, which is fine. */
public record SchedulerNeighbour(SchedulerThing thing) {}

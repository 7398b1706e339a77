package io.bulwark.scheduler.archfixture;

/** A class of one service (scheduler). */
public final class SchedulerThing {}

package io.bulwark.contracts;

/** Retention tier of a backup (grandfather-father-son), or ADHOC for one taken by hand. */
public enum Tier {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY,
    ADHOC
}

package io.bulwark.retention.application;

import io.bulwark.retention.domain.RetentionPolicy;

/** The retention policy configured for each target. */
public interface RetentionPolicies {

    /** The policy of {@code targetId}; the default policy for a target with none of its own. */
    RetentionPolicy forTarget(String targetId);
}

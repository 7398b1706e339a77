/**
 * The alert use cases: {@link io.bulwark.scheduler.application.alerts.EvaluateAlerts} evaluates the rules on a timer
 * and publishes each alert transition at least once; {@link io.bulwark.scheduler.application.alerts.AlertQueries}
 * reads the stored alerts for the API. The ports reach the database, the broker and the object store.
 */
package io.bulwark.scheduler.application.alerts;

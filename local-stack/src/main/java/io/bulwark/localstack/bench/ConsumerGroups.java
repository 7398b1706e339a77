package io.bulwark.localstack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits for the consumer groups of the stack's services to settle, so that a measurement starts once every instance
 * holds its partitions. Close it.
 */
public final class ConsumerGroups implements AutoCloseable {

    /** The dump-workers' group. */
    public static final String DUMP_WORKER = "bulwark-dump-worker";

    /** The verifiers' group (every binding of the verifier joins it). */
    public static final String VERIFIER = "bulwark-verifier";

    /** Consecutive identical stable descriptions, one poll apart, that count as settled. */
    private static final int SETTLED_POLLS = 3;

    private static final Duration POLL = Duration.ofMillis(500);

    private final Admin admin;

    /**
     * @param bootstrapServers the broker
     * @param security client properties of a user allowed to describe the groups ({@code sasl.*}), empty when open
     */
    public ConsumerGroups(String bootstrapServers, Map<String, Object> security) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /**
     * Waits until {@code group} is STABLE with at least {@code minMembers} members, the same count on {@value
     * #SETTLED_POLLS} polls half a second apart.
     *
     * @return the members then
     * @throws IllegalStateException when that does not happen within {@code timeout}, naming the last state seen
     */
    public int awaitStable(String group, int minMembers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not described yet";
        int previous = -1;
        int same = 0;
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get(group);
                int members = description.members().size();
                last = description.groupState() + " with " + members + " members";
                if (description.groupState() == GroupState.STABLE && members >= minMembers) {
                    same = members == previous ? same + 1 : 1;
                    previous = members;
                    if (same >= SETTLED_POLLS) {
                        return members;
                    }
                } else {
                    same = 0;
                    previous = -1;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("consumer group " + group + " did not settle on at least " + minMembers
                + " members within " + timeout + " (last: " + last + ")");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

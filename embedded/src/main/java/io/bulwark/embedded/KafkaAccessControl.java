package io.bulwark.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs of the Bulwark services: each service's user may write only the topics it produces ({@link
 * ServiceTopics#produces()}) and its dead-letter topics, read only the topics it consumes, and use only its own
 * consumer group. Besides, it may describe and create (the binder's {@code auto-create-topics}) each topic it uses.
 * Nothing else: no other topic, no other group, no cluster operation, no ACL or user changes. Every grant names one
 * literal topic or group, never a prefix or a wildcard. Creating a binding that exists changes nothing, so {@link
 * #grant} may run at every start.
 */
public final class KafkaAccessControl {

    private KafkaAccessControl() {}

    /**
     * The ACL bindings of one service, all ALLOW from any host.
     *
     * @param service the service's user, topics and group
     * @return its bindings; each names one literal topic or group
     */
    public static List<AclBinding> bindings(ServiceTopics service) {
        String principal = "User:" + service.user();
        Set<String> touched = new LinkedHashSet<>(service.writes());
        touched.addAll(service.consumes());
        List<AclBinding> acl = new ArrayList<>();
        for (String topic : touched) {
            acl.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
            acl.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.CREATE));
        }
        for (String topic : service.writes()) {
            acl.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.WRITE));
        }
        for (String topic : service.consumes()) {
            acl.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ));
        }
        if (!service.consumes().isEmpty()) {
            acl.add(allow(principal, ResourceType.GROUP, service.group(), AclOperation.READ));
            acl.add(allow(principal, ResourceType.GROUP, service.group(), AclOperation.DESCRIBE));
        }
        return List.copyOf(acl);
    }

    /**
     * Creates the bindings of {@code services} through {@code admin}, which must be allowed to alter ACLs (the
     * broker's super user).
     *
     * @param admin an admin client of the broker, authenticated as a super user
     * @param services the services to grant
     * @throws IllegalStateException when the broker refuses or does not answer within 30 s
     */
    public static void grant(Admin admin, List<ServiceTopics> services) {
        List<AclBinding> all = new ArrayList<>();
        services.forEach(s -> all.addAll(bindings(s)));
        try {
            admin.createAcls(all).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka ACLs: " + e.getMessage(), e);
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}

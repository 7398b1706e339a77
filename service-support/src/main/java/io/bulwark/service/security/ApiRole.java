package io.bulwark.service.security;

import java.util.Locale;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * What an API caller may do, each role including the ones before it: {@link #VIEWER} reads, {@link #OPERATOR} also
 * requests backups, verifications and restores, {@link #ADMIN} also manages schedules, retention, holds, deletion
 * and keys, and reads the audit log. In Spring Security each role is the authority {@code ROLE_<NAME>}; {@link
 * #hierarchy()} makes a higher role imply the lower ones.
 */
public enum ApiRole {
    /** Reads backups, restores, plans and keys. */
    VIEWER,
    /** Also requests backups, verifications and restores. */
    OPERATOR,
    /** Also manages schedules, retention, holds, deletion and keys; reads the audit log. */
    ADMIN;

    /** The role's name in configuration and messages: {@code viewer}, {@code operator} or {@code admin}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, {@code ROLE_VIEWER} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The role named {@code name}, case-insensitive.
     *
     * @throws IllegalArgumentException when {@code name} is null or names no role; the message lists the roles
     */
    public static ApiRole parse(String name) {
        if (name != null) {
            for (ApiRole role : values()) {
                if (role.name().equalsIgnoreCase(name.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a role; the roles are viewer, operator and admin");
    }

    /** ADMIN implies OPERATOR, OPERATOR implies VIEWER. */
    public static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN.name())
                .implies(OPERATOR.name())
                .role(OPERATOR.name())
                .implies(VIEWER.name())
                .build();
    }
}

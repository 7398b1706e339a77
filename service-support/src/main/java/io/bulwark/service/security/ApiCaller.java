package io.bulwark.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who called: the security chain, once the bearer token is authenticated and before access is decided, stores the
 * caller's name (an API token's name or a JWT's subject) as the request attribute {@link #ATTRIBUTE}, so that
 * filters outside the chain (the audit log) know the caller even of a refused call, after the chain has cleared its
 * security context.
 */
public final class ApiCaller extends OncePerRequestFilter {

    /** The request attribute holding the caller's name. */
    public static final String ATTRIBUTE = ApiCaller.class.getName() + ".name";

    /** The caller's name, or empty when the call was not authenticated. */
    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
            request.setAttribute(ATTRIBUTE, a.getName());
        }
        chain.doFilter(request, response);
    }
}

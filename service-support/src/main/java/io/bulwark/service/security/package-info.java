/**
 * Who may call a service's HTTP API: bearer API tokens and optional OIDC JWTs ({@code bulwark.security.*}), the
 * viewer/operator/admin roles and the rule of each endpoint, problem-details refusals (401, 403, 413) and the
 * request body limit. {@link io.bulwark.service.security.ApiSecurityAutoConfiguration} installs it in every servlet
 * service.
 */
package io.bulwark.service.security;

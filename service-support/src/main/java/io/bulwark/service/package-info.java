/**
 * What every Bulwark Spring service shares: {@code messaging} publishes events the way all services
 * must (payload, record key, CloudEvents headers), {@code storage} binds the shared {@code
 * bulwark.storage.*} configuration.
 */
package io.bulwark.service;

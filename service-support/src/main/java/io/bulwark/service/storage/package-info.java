/**
 * The object-store configuration ({@code bulwark.storage.*}) shared by every service that reads or
 * writes artifacts.
 */
package io.bulwark.service.storage;

/**
 * The verification use case ({@link io.bulwark.verifier.application.VerifyBackup}) and the ports it
 * needs: {@link io.bulwark.verifier.application.SandboxProvider}/{@link
 * io.bulwark.verifier.application.Sandbox} for throwaway databases and {@link
 * io.bulwark.verifier.application.VerificationPublisher} for the result; the object store is the
 * {@code artifacts} module's {@link io.bulwark.artifacts.ObjectStore} port.
 */
package io.bulwark.verifier.application;

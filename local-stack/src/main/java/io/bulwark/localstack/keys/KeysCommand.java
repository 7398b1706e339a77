package io.bulwark.localstack.keys;

import picocli.CommandLine.Command;

/** {@code bulwark keys}: encryption key rotation; one subcommand ({@code reencrypt}). Without one it prints its usage. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = {"Encryption key rotation: re-encrypt stored backups to new recipients."},
        subcommands = {ReEncryptCommand.class})
public final class KeysCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

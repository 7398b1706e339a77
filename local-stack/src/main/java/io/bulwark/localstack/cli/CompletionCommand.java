package io.bulwark.localstack.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark completion}: prints a bash completion script for every command and option ({@link
 * AutoComplete#bash}); {@code source <(./bulwark completion)} enables it in the current shell.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a bash (or zsh, after `autoload -U +X bashcompinit && bashcompinit`) completion script.",
            "Enable it with: source <(./bulwark completion)"
        })
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return CliExit.OK;
    }
}

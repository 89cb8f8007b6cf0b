package io.paasruntime.cli.commands;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {
        "Print a shell completion script.",
        "Bash: source <(paas completion bash), or save it under /etc/bash_completion.d/."})
public final class CompletionCommand extends ApiCommand {
    @Parameters(paramLabel = "SHELL", description = "bash (zsh can load it with bashcompinit)")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new ParameterException(spec.commandLine(), "unsupported shell '" + shell + "'; supported: bash, zsh");
        }
        out().print(AutoComplete.bash("paas", spec.root().commandLine()));
        return 0;
    }
}

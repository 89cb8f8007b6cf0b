package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "addons:destroy", description = {
        "Deprovision an add-on: its database and data are deleted.",
        "Asks you to type the add-on's id unless --confirm is given."})
public final class AddonsDestroyCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "The add-on's id (see paas addons)")
    String id;

    @Option(names = "--confirm", arity = "0..1", fallbackValue = "", paramLabel = "ID",
            description = "Skip the question (optionally naming the id again)")
    String confirm;

    @Override
    public Integer call() {
        String target = id != null ? id : confirm;
        if (target == null || target.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'ID'");
        }
        if (confirm == null) {
            err().println("This deletes the add-on " + target + " and all its data.");
            String answer = Prompts.line(ctx(), "To proceed, type its id (" + target + "): ");
            if (!answer.equals(target)) {
                throw new CliException("confirmation '" + answer + "' does not match " + target + "; nothing was deleted");
            }
        } else if (!confirm.isEmpty() && !confirm.equals(target)) {
            throw new CliException("--confirm " + confirm + " does not match " + target + "; nothing was deleted");
        }
        ctx().api().delete(ApiPath.of("v1", "addons", target));
        out().println("Destroyed add-on " + target);
        return 0;
    }
}

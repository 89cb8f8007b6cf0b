package io.paasruntime.cli.commands;

import picocli.CommandLine.Command;

import java.io.IOException;

@Command(name = "logout", description = "Forget the stored token.")
public final class LogoutCommand extends ApiCommand {
    @Override
    public Integer call() throws IOException {
        if (ctx().credentialsFile().delete()) {
            out().println("Logged out (removed " + ctx().credentialsFile().path() + ")");
        } else {
            out().println("Not logged in.");
        }
        return 0;
    }
}

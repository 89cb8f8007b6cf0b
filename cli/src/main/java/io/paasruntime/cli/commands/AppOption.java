package io.paasruntime.cli.commands;

import picocli.CommandLine.Option;

/** {@code -a/--app APP}: optional inside a directory linked by a {@code .paas} file. */
public final class AppOption {
    @Option(names = {"-a", "--app"}, paramLabel = "APP",
            description = "App name or id (default: the app named by the nearest .paas file)")
    String app;
}

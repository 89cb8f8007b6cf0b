package io.paasruntime.cli.commands;

import picocli.CommandLine.Option;

/** {@code --json}: print the API's JSON answer instead of a table. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the raw API JSON instead of a table")
    boolean json;
}

package io.paasruntime.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.yaml.YamlConfigParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads the YAML config file into flat {@code section.key} strings, the form the runtime's settings take. */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** @throws IllegalArgumentException when the file is missing or not valid YAML */
    public static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        Config config;
        try {
            config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .disableParserServices()
                    .addParser(YamlConfigParser.create())
                    .sources(ConfigSources.file(file))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> flat = new TreeMap<>();
        config.traverse()
                .filter(node -> node.isLeaf() && node.hasValue())
                .forEach(node -> flat.put(node.key().toString(), node.asString().get()));
        return flat;
    }
}

package io.paasruntime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's version, written into {@code paas-cli.properties} by the build. */
final class Version {
    private Version() {
    }

    static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/paas-cli.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}

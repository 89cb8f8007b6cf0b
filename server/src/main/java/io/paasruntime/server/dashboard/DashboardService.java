package io.paasruntime.server.dashboard;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The web dashboard: static files from {@code dashboard/} on the class path at {@link #PATH}, uPlot
 * from its WebJar under {@code vendor/uplot/}, and {@code GET /} redirecting there. The pages talk
 * to the public {@code /v1} API only, so nothing here needs authentication.
 */
public final class DashboardService implements HttpService {
    public static final String PATH = "/runtime/dashboard";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.status(Status.TEMPORARY_REDIRECT_307)
                .header(HeaderNames.LOCATION, PATH + "/").send());
        // the WebJar's folder carries its version; read it from the jar so the pom alone pins it
        rules.register(PATH + "/vendor/uplot", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("META-INF/resources/webjars/uplot/" + webJarVersion(UPLOT_POM) + "/dist").build()));
        rules.register(PATH, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("dashboard").welcome("index.html").build()));
    }

    private static String webJarVersion(String pomProperties) {
        try (InputStream in = DashboardService.class.getClassLoader().getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException("WebJar missing from the class path: " + pomProperties);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

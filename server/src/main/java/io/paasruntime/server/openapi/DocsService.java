package io.paasruntime.server.openapi;

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
 * Swagger UI at {@link #PATH}: our page from {@code docs/} on the class path (it points Swagger UI at
 * the live {@code /v1/openapi.json} and keeps an authorized token across reloads), Swagger UI itself
 * from its WebJar under {@code vendor/}, and {@code GET /v1/docs} redirecting to the page. Static and
 * open: the page calls the API with whatever token the user authorizes.
 */
public final class DocsService implements HttpService {
    public static final String PATH = "/v1/docs";
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (req, res) -> res.status(Status.TEMPORARY_REDIRECT_307)
                .header(HeaderNames.LOCATION, PATH + "/").send());
        // the WebJar's folder carries its version; read it from the jar so the pom alone pins it
        rules.register(PATH + "/vendor", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("META-INF/resources/webjars/swagger-ui/" + webJarVersion()).build()));
        rules.register(PATH, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("docs").welcome("index.html").build()));
    }

    private static String webJarVersion() {
        try (InputStream in = DocsService.class.getClassLoader().getResourceAsStream(SWAGGER_UI_POM)) {
            if (in == null) {
                throw new IllegalStateException("WebJar missing from the class path: " + SWAGGER_UI_POM);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

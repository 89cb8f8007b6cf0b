package io.paasruntime.tck.postgres;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SystemPostgresTest {

    @Test
    void startsAServerThatAcceptsOnlyTheGeneratedPasswordAndIsGoneAfterClose() throws Exception {
        int port;
        try (SystemPostgres postgres = SystemPostgres.start()) {
            port = postgres.port();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                    login(postgres.superuser(), postgres.password()));
                 ResultSet rs = connection.createStatement().executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), login("postgres", "wrong")))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(accepts(port)).isFalse();
    }

    private static Properties login(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

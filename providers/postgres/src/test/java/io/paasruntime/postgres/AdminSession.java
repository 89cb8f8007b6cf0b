package io.paasruntime.postgres;

import io.paasruntime.tck.postgres.SystemPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What the tests look at behind the provider's back, as the server's superuser. */
record AdminSession(SystemPostgres server) {

    Connection open(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.superuser());
        props.setProperty("password", server.password());
        return DriverManager.getConnection(server.jdbcUrl(database), props);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = open("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    List<String> strings(String sql, Object... args) throws SQLException {
        try (Connection c = open("postgres"); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** Every add-on role and database on the server. */
    List<String> addonObjects() throws SQLException {
        return strings("SELECT rolname FROM pg_roles WHERE rolname LIKE 'addon\\_%'"
                + " UNION ALL SELECT datname FROM pg_database WHERE datname LIKE 'addon\\_%'");
    }
}

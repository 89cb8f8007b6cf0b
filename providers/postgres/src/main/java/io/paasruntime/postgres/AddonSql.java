package io.paasruntime.postgres;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create and drop one add-on's role and database, run on an admin session.
 * Identifiers come from {@link AddonIdentity} and are always quoted; free text (comments) goes
 * through the driver's literal escaping.
 *
 * <h2>Who may connect where</h2>
 * PostgreSQL grants {@code CONNECT} on every database to {@code PUBLIC}, so a fresh role can log in
 * to {@code postgres}, to the runtime's own store database ({@code paas} on the embedded server)
 * and to every other add-on's database. A {@code REVOKE … FROM <role>} cannot take away a privilege
 * that comes from {@code PUBLIC}, so the only fix is to revoke it from {@code PUBLIC}:
 * <ul>
 *   <li>each add-on database is created and immediately loses {@code PUBLIC}'s {@code CONNECT}; its
 *       owner (the add-on role) keeps it as owner;</li>
 *   <li>{@link #protectOtherDatabases} does the same for every other database that still lets
 *       {@code PUBLIC} connect ({@code postgres}, {@code paas}, {@code template1}, the operator's own),
 *       first granting {@code CONNECT} by name to every existing non-add-on login role, so the
 *       operator's roles keep the access they had through {@code PUBLIC}. Superusers and owners are
 *       unaffected. Roles the operator creates later need an explicit {@code GRANT CONNECT}.</li>
 * </ul>
 */
final class AddonSql {
    /** Serialises privilege changes across runtimes sharing one server ("tuple concurrently updated"). */
    private static final long PROTECTION_LOCK = 0x7061617341646F6EL;
    private static final String PROVISIONING = "paas-runtime add-on: provisioning since ";
    private static final String ROLE_PATTERN = "^addon_[0-9a-f]{32}$";

    private AddonSql() {
    }

    /**
     * Revokes {@code PUBLIC}'s {@code CONNECT} on every database that still grants it (see class doc).
     *
     * @return the databases still open to {@code PUBLIC}: an admin that is neither superuser nor their
     *         owner cannot close them
     */
    static List<String> protectOtherDatabases(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PROTECTION_LOCK);
                lock.execute();
            }
            String openToPublic = "SELECT datname FROM pg_database WHERE datallowconn"
                    + " AND has_database_privilege('public', oid, 'CONNECT') ORDER BY datname";
            List<String> open = strings(c, openToPublic);
            if (!open.isEmpty()) {
                List<String> keepAccess = strings(c, "SELECT rolname FROM pg_roles WHERE rolcanlogin AND NOT rolsuper"
                        + " AND rolname !~ '" + ROLE_PATTERN + "' AND rolname !~ '^pg_' ORDER BY rolname");
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    for (String db : open) {
                        String database = pg.escapeIdentifier(db);
                        if (!db.matches(ROLE_PATTERN)) {
                            for (String role : keepAccess) {
                                s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + pg.escapeIdentifier(role));
                            }
                        }
                        s.execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
                    }
                }
            }
            List<String> stillOpen = open.isEmpty() ? open : strings(c, openToPublic);
            c.commit();
            return stillOpen;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * A role that cannot log in yet (see {@link #markReady}). It must inherit: on PostgreSQL 15+ the
     * {@code public} schema belongs to {@code pg_database_owner}, whose rights the owner gets only by
     * inheritance.
     */
    static void createRole(Connection c, AddonIdentity id, Plan plan) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + id.quoted() + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT"
                    + " NOREPLICATION NOBYPASSRLS CONNECTION LIMIT " + plan.connectionLimit());
        }
    }

    /** Marks the role as being provisioned, so that a crashed runtime's leftover can be found ({@link #abandoned}). */
    static void markProvisioning(Connection c, AddonIdentity id, Instant now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMENT ON ROLE " + id.quoted() + " IS " + literal(c, PROVISIONING + now.getEpochSecond()));
        }
    }

    /**
     * Sets the password as a SCRAM verifier computed by the driver: the password itself never
     * reaches the server, so it cannot appear in its statement log or in an error message.
     */
    static void setPassword(Connection c, AddonIdentity id, char[] password) throws SQLException {
        // the driver wipes the array it is given; the caller still needs the password for the URL
        c.unwrap(PGConnection.class).alterUserPassword(id.name(), password.clone(), "scram-sha-256");
    }

    /**
     * Lets the admin act as the new role when it is not a superuser (PostgreSQL requires it to create a
     * database owned by that role); a superuser needs no membership.
     */
    static void joinRoleIfNeeded(Connection c, AddonIdentity id) throws SQLException {
        boolean superuser = strings(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")
                .equals(List.of("true"));
        if (!superuser) {
            try (Statement s = c.createStatement()) {
                s.execute("GRANT " + id.quoted() + " TO CURRENT_USER");
            }
        }
    }

    static void createDatabase(Connection c, AddonIdentity id, Plan plan) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + id.quoted() + " OWNER " + id.quoted() + " CONNECTION LIMIT "
                    + plan.connectionLimit());
        }
    }

    /** Only the owner (and superusers) may connect to or create temporary tables in an add-on's database. */
    static void closeToOthers(Connection c, AddonIdentity id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("REVOKE ALL ON DATABASE " + id.quoted() + " FROM PUBLIC");
        }
    }

    /** The last step: the role may log in, and its comment no longer marks it as half-made. */
    static void markReady(Connection c, AddonIdentity id, String description) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + id.quoted() + " LOGIN");
            s.execute("COMMENT ON ROLE " + id.quoted() + " IS " + literal(c, "paas-runtime add-on: " + description));
        }
    }

    /** Forces out the sessions and drops the database; absent is fine. */
    static void dropDatabase(Connection c, AddonIdentity id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + id.quoted() + " WITH (FORCE)");
        }
    }

    /** Ends the role's remaining sessions (it can hold none elsewhere, but be sure) and drops it; absent is fine. */
    static void dropRole(Connection c, AddonIdentity id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?")) {
            p.setString(1, id.name());
            p.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + id.quoted());
        }
    }

    static boolean roleExists(Connection c, AddonIdentity id) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", id.name());
    }

    static boolean databaseExists(Connection c, AddonIdentity id) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", id.name());
    }

    /** Add-on roles still marked as being provisioned since before {@code cutoff}: left by a crashed runtime. */
    static List<AddonIdentity> abandoned(Connection c, Instant cutoff) throws SQLException {
        List<AddonIdentity> found = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles"
                + " WHERE rolname ~ '" + ROLE_PATTERN + "' AND shobj_description(oid, 'pg_authid') LIKE ?")) {
            p.setString(1, PROVISIONING + "%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String since = rs.getString(2).substring(PROVISIONING.length());
                    if (since.matches("\\d{1,12}") && Instant.ofEpochSecond(Long.parseLong(since)).isBefore(cutoff)) {
                        found.add(new AddonIdentity(rs.getString(1)));
                    }
                }
            }
        }
        return found;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String literal(Connection c, String text) throws SQLException {
        return "'" + c.unwrap(PGConnection.class).escapeLiteral(text) + "'";
    }
}

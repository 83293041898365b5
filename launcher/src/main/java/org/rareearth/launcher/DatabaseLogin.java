package org.rareearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.rareearth.stack.LocalStack;

/**
 * The database login the launcher gives the services: its own role with a random password made
 * for this run (never the stack's default postgres/postgres), so that a password in a service log
 * is this one and can be searched for (SecretsNotLoggedEndToEndTest). The role may create the
 * services' schemas in the stack's database. In-process, the embedded server trusts every local
 * connection; the launcher adds a pg_hba rule that makes this role prove its password (SCRAM), so
 * the services really log in with it. In containers the server checks passwords already.
 *
 * @param jdbcUrl the stack's URL without a {@code user} parameter (it would override the login's user)
 */
public record DatabaseLogin(String jdbcUrl, String user, String password) {

    static final String ROLE = "rare_earth_services";
    /** 24 random bytes: 32 URL-safe base64 characters, nothing that needs quoting in SQL. */
    private static final int PASSWORD_BYTES = 24;

    static DatabaseLogin create(LocalStack stack) {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection admin = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
            sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            String database;
            try (ResultSet rs = sql.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            sql.execute("GRANT CONNECT, CREATE ON DATABASE \"" + database + "\" TO " + ROLE);
            if (LocalStack.IN_PROCESS.equals(stack.mode())) {
                requirePassword(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the services' database role: " + e.getMessage(), e);
        }
        return new DatabaseLogin(withoutUser(stack.jdbcUrl()), ROLE, password);
    }

    /** The first matching pg_hba line decides: this role over TCP must present its password. */
    private static void requirePassword(Statement sql) throws SQLException {
        Path hba;
        try (ResultSet rs = sql.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        try {
            String rules = "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + ROLE + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
        sql.execute("SELECT pg_reload_conf()");
    }

    static String withoutUser(String jdbcUrl) {
        return jdbcUrl.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** Never the password: this record ends up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "DatabaseLogin[" + jdbcUrl + ", user " + user + "]";
    }
}

package kz.prevention.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A connection to the test database as the server's administrator, for tests that must do what
 * the service's own role cannot (play the database owner who tampers with the audit log).
 */
public final class DatabaseAdmin {

    static final String URL = "prevention.test.admin.jdbc-url";
    static final String USER = "prevention.test.admin.user";
    static final String PASSWORD = "prevention.test.admin.password";

    private DatabaseAdmin() {
    }

    public static Connection connect() throws SQLException {
        String url = System.getProperty(URL);
        if (url == null) {
            throw new IllegalStateException("no test database: the test must run with PlatformTestResource and a database");
        }
        return DriverManager.getConnection(url, System.getProperty(USER), System.getProperty(PASSWORD));
    }
}

package dev.ordersaga.infra;

/**
 * One service's own database and the login role that owns it.
 *
 * @param jdbcUrl  JDBC URL of the database on the embedded server
 * @param username the owning role, which may also open logical replication connections
 * @param password that role's password
 * @param database the database name
 */
public record ServiceDatabase(String jdbcUrl, String username, String password, String database) {

    @Override
    public String toString() {
        // Keep the password out of logs.
        return "ServiceDatabase[jdbcUrl=" + jdbcUrl + ", username=" + username + ", database=" + database + "]";
    }
}

package dev.ordersaga.ops.audit;

import dev.ordersaga.infra.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The services' own Flyway migrations, applied as the services apply them. They are read from the sibling
 * modules' source folders (the reactor root is {@code ordersaga.root}, which failsafe sets), so the audit is
 * tested against the schema as it is now, and ops-cli needs no dependency on the services' artifacts.
 */
final class ServiceSchemas {

    private ServiceSchemas() {
    }

    static void migrate(ServiceDatabase database, String module) {
        Path migrations = root().resolve(module).resolve("src/main/resources/db/migration");
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("no migrations of " + module + " at " + migrations);
        }
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    /** {@code ordersaga.root}, else the nearest folder up holding mvnw (a run from an IDE). */
    private static Path root() {
        String property = System.getProperty("ordersaga.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("order-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("set -Dordersaga.root to the repository's root");
    }
}

package dev.ordersaga.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reactor root, where each service's jar is {@code <module>/target/<module>-exec.jar}. */
final class ProjectRoot {

    static final String ROOT_PROPERTY = "ordersaga.root";

    private ProjectRoot() {
    }

    /** The {@code ordersaga.root} system property if set, else the nearest folder up holding mvnw and common-schema/. */
    static Path locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path candidate = workingDirectory; candidate != null; candidate = candidate.getParent()) {
            if (isProjectRoot(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No order-saga project root (a folder with mvnw and common-schema/) at or above "
                + workingDirectory + "; run from inside the project or set -D" + ROOT_PROPERTY + "=<dir>");
    }

    static boolean isProjectRoot(Path directory) {
        return Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("common-schema"));
    }

    static Path executableJar(Path root, StackService service) {
        return root.resolve(service.moduleName()).resolve("target").resolve(service.moduleName() + "-exec.jar");
    }
}

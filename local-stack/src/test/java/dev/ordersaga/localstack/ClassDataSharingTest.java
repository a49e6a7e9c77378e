package dev.ordersaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jar and archive option a service starts with, from the state of its cache directory. */
class ClassDataSharingTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path target;

    @Test
    void anExtractedJarWithoutAnArchiveRunsTheExtractedJarAndWritesTheArchiveAtExit() throws Exception {
        Path jar = executableJar();
        Path cache = extractedCacheOf(jar);

        ClassDataSharing.Launch launch = ClassDataSharing.prepare(JAVA, jar, cache);

        assertThat(launch.jar()).isEqualTo(cache.resolve("app").resolve("demo-exec.jar"));
        assertThat(launch.jvmArgs()).contains("-XX:ArchiveClassesAtExit=" + cache.resolve("demo-exec.jsa"));
        assertThat(launch.archiveWrittenAtExit()).contains(cache.resolve("demo-exec.jsa"));
    }

    @Test
    void anArchiveFromAnEarlierRunIsMapped() throws Exception {
        Path jar = executableJar();
        Path cache = extractedCacheOf(jar);
        Files.writeString(cache.resolve("demo-exec.jsa"), "archive");

        ClassDataSharing.Launch launch = ClassDataSharing.prepare(JAVA, jar, cache);

        assertThat(launch.jvmArgs()).containsExactly("-XX:SharedArchiveFile=" + cache.resolve("demo-exec.jsa"));
        assertThat(launch.archiveWrittenAtExit()).isEmpty();
    }

    @Test
    void aRebuiltJarDropsTheOldArchiveAndAJarThatCannotBeExtractedRunsAsItIsWithoutSharing() throws Exception {
        Path jar = executableJar();
        Path cache = extractedCacheOf(jar);
        Files.writeString(cache.resolve("demo-exec.jsa"), "archive of the previous build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        // Not a Spring Boot jar: the extraction fails, which must not fail the start.
        ClassDataSharing.Launch launch = ClassDataSharing.prepare(JAVA, jar, cache);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmArgs()).isEmpty();
        assertThat(cache.resolve("demo-exec.jsa")).doesNotExist();
    }

    private Path executableJar() throws Exception {
        Path jar = target.resolve("demo-exec.jar");
        Files.writeString(jar, "not really a jar");
        return jar;
    }

    // The state a successful extraction leaves: the extracted tree and the stamp of the jar it came from.
    private Path extractedCacheOf(Path jar) throws Exception {
        Path cache = target.resolve("cds");
        Files.createDirectories(cache.resolve("app"));
        Files.writeString(cache.resolve("app").resolve("demo-exec.jar"), "extracted");
        Files.writeString(cache.resolve("source.stamp"), ClassDataSharing.stampOf(jar), StandardCharsets.UTF_8);
        return cache;
    }
}

package dev.ordersaga.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for the service JVMs, to cut their start-up: the classes a service
 * loaded in one run are mapped from an archive in the next, parsed and verified already.
 *
 * <p>JDK 17 has no {@code -XX:+AutoCreateSharedArchive} (JDK 19), so this does by hand what it does:
 * the first run of a service writes a dynamic archive when it exits ({@code -XX:ArchiveClassesAtExit}),
 * every later run maps it ({@code -XX:SharedArchiveFile}). CDS archives only classes loaded from plain
 * jar files on the class path, never from the nested jars of a Spring Boot executable jar, so the jar is
 * first extracted ({@code java -Djarmode=tools -jar <jar> extract}) into {@code <module>/target/cds/}.
 * A rebuilt jar or another JDK starts over: the extraction and the archive belong to one jar and one JDK.
 * A service killed before it exits normally writes no archive (a half-written one is deleted, see
 * {@link ServiceProcess#kill()}); the next run tries again.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

    private static final long EXTRACT_TIMEOUT_SECONDS = 120;
    private static final String STAMP_FILE = "source.stamp";
    private static final String EXTRACTED_DIRECTORY = "app";

    private ClassDataSharing() {
    }

    /**
     * What to run a service with.
     *
     * @param jar     the jar to run: the extracted one, or the executable jar when CDS could not be prepared
     * @param jvmArgs the CDS options, empty without CDS
     */
    record Launch(Path jar, List<String> jvmArgs) {

        private static final String WRITE_OPTION = "-XX:ArchiveClassesAtExit=";

        boolean writesArchive() {
            return archiveWrittenAtExit().isPresent();
        }

        /** The archive this run writes when it exits, if it writes one. */
        Optional<Path> archiveWrittenAtExit() {
            return jvmArgs.stream()
                    .filter(arg -> arg.startsWith(WRITE_OPTION))
                    .map(arg -> Path.of(arg.substring(WRITE_OPTION.length())))
                    .findFirst();
        }
    }

    /**
     * {@link #prepare} for several jars at once, each on its own thread.
     *
     * @param cacheDirectory where a jar's extraction and archive go
     */
    static <K> Map<K, Launch> prepareAll(String java, Map<K, Path> executableJars, Function<Path, Path> cacheDirectory) {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, executableJars.size()));
        try {
            Map<K, CompletableFuture<Launch>> pending = new LinkedHashMap<>();
            executableJars.forEach((key, jar) -> pending.put(key,
                    CompletableFuture.supplyAsync(() -> prepare(java, jar, cacheDirectory.apply(jar)), executor)));
            Map<K, Launch> launches = new LinkedHashMap<>();
            pending.forEach((key, launch) -> launches.put(key, launch.join()));
            return launches;
        } finally {
            executor.shutdown();
        }
    }

    /**
     * Extracts {@code executableJar} into {@code cacheDirectory} unless that was done for this very jar
     * and JDK, and picks the archive options. Never fails the start: without CDS the service only starts
     * slower, so a failed extraction is logged and the executable jar runs as it is.
     */
    static Launch prepare(String java, Path executableJar, Path cacheDirectory) {
        try {
            String stamp = stampOf(executableJar);
            Path extracted = cacheDirectory.resolve(EXTRACTED_DIRECTORY);
            Path stampFile = cacheDirectory.resolve(STAMP_FILE);
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
                Directories.deleteRecursively(cacheDirectory);
                extract(java, executableJar, extracted);
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
            Path archive = cacheDirectory.resolve(baseName(executableJar) + ".jsa");
            // Writing the archive warns about every class CDS cannot take (generated accessors, proxies): noise.
            List<String> options = Files.isRegularFile(archive) && Files.size(archive) > 0
                    ? List.of("-XX:SharedArchiveFile=" + archive)
                    : List.of(Launch.WRITE_OPTION + archive, "-Xlog:cds=off,cds+dynamic=off");
            return new Launch(extracted.resolve(executableJar.getFileName()), options);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            log.warn("No class-data sharing for {}: {}", executableJar.getFileName(), e.getMessage());
            return new Launch(executableJar, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch(executableJar, List.of());
        }
    }

    // The jar's size and time tell a rebuild; the JDK's home and version tell another JDK, whose archives differ.
    static String stampOf(Path executableJar) throws IOException {
        return executableJar.toAbsolutePath() + " " + Files.size(executableJar) + " "
                + Files.getLastModifiedTime(executableJar).toMillis() + " "
                + System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    private static void extract(String java, Path executableJar, Path destination) throws IOException, InterruptedException {
        log.info("Extracting {} for class-data sharing (once per build)", executableJar.getFileName());
        Files.createDirectories(destination.getParent());
        Path output = destination.getParent().resolve("extract.log");
        List<String> command = new ArrayList<>(List.of(java, "-Djarmode=tools", "-jar", executableJar.toString(),
                "extract", "--destination", destination.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("extracting took over " + EXTRACT_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("extracting failed with exit code " + process.exitValue() + "; see " + output);
        }
    }

    private static String baseName(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
    }
}

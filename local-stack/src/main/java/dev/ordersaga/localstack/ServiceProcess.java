package dev.ordersaga.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service running as its own OS process, with its output appended to a log file. */
final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final StackService service;
    private final List<String> command;
    private final Path logFile;
    private final Path workingDirectory;
    private final URI baseUrl;
    private final Path archiveWrittenAtExit;
    private volatile Process process;
    private volatile boolean stopRequested;

    /**
     * @param archiveWrittenAtExit the class-data sharing archive the JVM writes when it exits, or null: a kill
     *                             may cut it short, and a truncated archive would be mapped by no later start
     */
    ServiceProcess(StackService service, List<String> command, Path logFile, Path workingDirectory, URI baseUrl,
            Path archiveWrittenAtExit) {
        this.service = service;
        this.archiveWrittenAtExit = archiveWrittenAtExit;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.workingDirectory = workingDirectory;
        this.baseUrl = baseUrl;
    }

    StackService service() {
        return service;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Path logFile() {
        return logFile;
    }

    synchronized void launch() {
        if (isAlive()) {
            throw new IllegalStateException(service.moduleName() + " is already running");
        }
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(logFile.getParent());
            Process started = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            stopRequested = false;
            process = started;
            started.onExit().thenAccept(this::reportUnexpectedExit);
            log.info("Launched {} (pid {}, log {})", service.moduleName(), started.pid(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + service.moduleName(), e);
        }
    }

    /** The process id of the running process. */
    long pid() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(service.moduleName() + " is not running");
        }
        return current.pid();
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Asks the process to exit (SIGTERM), then kills it if it is still there after {@code grace}. */
    synchronized void stop(Duration grace) {
        requestStop();
        awaitExit(grace);
    }

    /** Sends SIGTERM without waiting, so that several services can shut down at the same time. */
    synchronized void requestStop() {
        Process current = process;
        if (current != null && current.isAlive()) {
            stopRequested = true;
            current.destroy();
        }
    }

    /** Waits up to {@code grace} for an exit asked for by {@link #requestStop()}, then kills. */
    synchronized void awaitExit(Duration grace) {
        Process current = process;
        if (current == null) {
            return;
        }
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop in time after SIGTERM; killing it", service.moduleName());
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL, as a crash would: no shutdown hooks run in the service. */
    synchronized void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        stopRequested = true;
        current.destroyForcibly();
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteArchiveCutShort();
    }

    boolean writesArchiveAtExit() {
        return archiveWrittenAtExit != null;
    }

    private void deleteArchiveCutShort() {
        if (archiveWrittenAtExit == null) {
            return;
        }
        try {
            if (Files.deleteIfExists(archiveWrittenAtExit)) {
                log.info("Deleted {}: {} was killed while it wrote it", archiveWrittenAtExit, service.moduleName());
            }
        } catch (IOException e) {
            log.warn("Could not delete {}, which {} was killed while writing: {}", archiveWrittenAtExit,
                    service.moduleName(), e.toString());
        }
    }

    /** Blocks up to {@code pause}, returning early if the process exits; false once it has exited. */
    boolean stillAliveAfter(Duration pause) throws InterruptedException {
        Process current = process;
        return current != null && !current.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    String exitDescription() {
        Process current = process;
        return current == null || current.isAlive() ? "running" : "exited with code " + current.exitValue();
    }

    /** The last lines of the service's log, to show why it failed. */
    String logTail(int lines) {
        if (!Files.exists(logFile)) {
            return "(no log at " + logFile + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), tail);
    }

    private void reportUnexpectedExit(Process exited) {
        if (!stopRequested && exited == process) {
            log.warn("{} exited unexpectedly with code {}; see {}", service.moduleName(), exited.exitValue(), logFile);
        }
    }
}

package dev.ordersaga.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads CPU times from Linux's /proc. */
final class ProcFs {

    /**
     * USER_HZ, the unit of every CPU time in /proc: 100 on every Linux architecture the project runs on
     * (the kernel keeps it fixed for user space whatever its internal tick rate).
     */
    static final long TICKS_PER_SECOND = 100;

    private final Path root;

    ProcFs(Path root) {
        this.root = root;
    }

    static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** Every process that exists now, by pid; processes that end while being read are left out. */
    Map<Long, ProcStat> processes() {
        Map<Long, ProcStat> processes = new HashMap<>();
        List<Path> directories;
        try (Stream<Path> entries = Files.list(root)) {
            directories = entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        for (Path directory : directories) {
            try {
                ProcStat stat = ProcStat.parse(Files.readString(directory.resolve("stat"), StandardCharsets.UTF_8));
                processes.put(stat.pid(), stat);
            } catch (NoSuchFileException ended) {
                // The process ended between the listing and the read.
            } catch (IOException e) {
                // Same: /proc reports a vanished process as ESRCH on read.
            }
        }
        return processes;
    }

    SystemCpu systemCpu() {
        try (Stream<String> lines = Files.lines(root.resolve("stat"), StandardCharsets.UTF_8)) {
            return SystemCpu.parse(lines.findFirst().orElseThrow(() -> new IllegalStateException(root + "/stat is empty")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + root.resolve("stat"), e);
        }
    }

    static double ticksToMillis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }
}

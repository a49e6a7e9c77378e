package dev.ordersaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that is killed while it writes its class-data sharing archive leaves no archive behind. */
class ServiceProcessTest {

    @TempDir
    Path directory;

    @Test
    void killingAProcessThatWritesAnArchiveAtExitDeletesTheArchiveItLeftHalfWritten() throws Exception {
        Path archive = directory.resolve("order-service-exec.jsa");
        ServiceProcess process = new ServiceProcess(StackService.ORDER_SERVICE, List.of("sleep", "60"),
                directory.resolve("order-service.log"), directory.resolve("work"), URI.create("http://localhost:1"), archive);
        process.launch();
        Files.writeString(archive, "the first bytes of an archive");

        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(archive).doesNotExist();
    }

    @Test
    void killingAProcessThatWritesNoArchiveLeavesAnArchiveAlone() throws Exception {
        Path archive = directory.resolve("order-service-exec.jsa");
        Files.writeString(archive, "an archive an earlier run wrote");
        ServiceProcess process = new ServiceProcess(StackService.ORDER_SERVICE, List.of("sleep", "60"),
                directory.resolve("order-service.log"), directory.resolve("work"), URI.create("http://localhost:1"), null);
        process.launch();

        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(archive).exists();
    }
}

package dev.ordersaga.localstack.bench;

import dev.ordersaga.localstack.LocalStack;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVMs a run measured, so that a report says which profile its figures belong to.
 *
 * @param profile          the services' profile: {@code c1}, {@code c2} or {@code custom}
 * @param serviceArgs      the services' JVM options
 * @param classDataSharing whether the services start with class-data sharing
 * @param launcherArgs     this JVM's own -X options (it hosts the Kafka broker)
 */
public record JvmSettings(String profile, List<String> serviceArgs, boolean classDataSharing, List<String> launcherArgs) {

    public JvmSettings {
        serviceArgs = List.copyOf(serviceArgs);
        launcherArgs = List.copyOf(launcherArgs);
    }

    /** The settings of a running stack and of this JVM. */
    public static JvmSettings of(LocalStack stack) {
        // -D options are left out: they carry paths, not tuning.
        List<String> launcher = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-X"))
                .toList();
        return new JvmSettings(stack.jvmProfile(), stack.serviceJvmArgs(), stack.classDataSharing(), launcher);
    }
}

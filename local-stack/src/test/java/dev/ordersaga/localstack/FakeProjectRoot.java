package dev.ordersaga.localstack;

import dev.ordersaga.localstack.stub.StubService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A project root whose four service jars are {@link StubService}, to test the launcher without the real services. */
final class FakeProjectRoot {

    private FakeProjectRoot() {
    }

    static Path create(Path root) throws IOException {
        Files.createFile(root.resolve("mvnw"));
        Files.createDirectories(root.resolve("common-schema"));
        for (StackService service : StackService.values()) {
            Path jar = ProjectRoot.executableJar(root, service);
            Files.createDirectories(jar.getParent());
            writeStubJar(jar);
        }
        return root;
    }

    private static void writeStubJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StubService.class.getName());
        String classFile = StubService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = StubService.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.closeEntry();
        }
    }
}

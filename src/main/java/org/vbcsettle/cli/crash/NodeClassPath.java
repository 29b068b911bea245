package org.vbcsettle.cli.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This JVM's class path for the child nodes, with every directory (a build's {@code target/classes}) packed
 * into a jar: the JVM archives classes for a faster start only from jars. Paths are made absolute.
 */
final class NodeClassPath {

    private NodeClassPath() {
    }

    static String ofJars(Path work) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath(); // the nodes run in a folder of their own
            if (Files.isDirectory(p)) {
                Path jar = work.resolve("classes-" + n++ + ".jar");
                pack(p, jar);
                out.add(jar.toString());
            } else {
                out.add(p.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }
}

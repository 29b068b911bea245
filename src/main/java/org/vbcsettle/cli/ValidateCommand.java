package org.vbcsettle.cli;

import org.vbcsettle.contract.ContractLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code vbc-settle validate PATH...}: checks contract documents (files, or directories searched for
 * {@code *.yaml}, {@code *.yml}, {@code *.json}), prints every problem on its own line and a summary, and
 * exits 1 when any document has a problem.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate contract documents (files or directories of *.yaml, *.yml, *.json)")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "contract files or directories")
    List<Path> paths = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        int errors = 0;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    files.addAll(walk.filter(Files::isRegularFile).filter(ValidateCommand::isContractFile).sorted()
                            .collect(Collectors.toList()));
                } catch (IOException e) {
                    err.println(p + ": cannot list directory: " + e);
                    errors++;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(p + ": no such file or directory");
                errors++;
            }
        }
        int badFiles = 0;
        for (Path f : files) {
            ContractLoader.Result r = ContractLoader.read(f);
            if (r.ok()) {
                out.println(f + ": ok (" + r.contract().id() + " v" + r.contract().versionOrDefault() + ", "
                        + r.contract().arrangements().size() + " arrangement(s))");
            } else {
                badFiles++;
                errors += r.errors().size();
                r.errors().forEach(err::println);
            }
        }
        String summary = files.size() + " contract file(s) checked, " + badFiles + " with errors, " + errors + " error(s)";
        if (errors > 0 || files.isEmpty()) {
            err.println(files.isEmpty() ? "no contract files found; " + summary : summary);
            return 1;
        }
        out.println(summary);
        return 0;
    }

    static boolean isContractFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}

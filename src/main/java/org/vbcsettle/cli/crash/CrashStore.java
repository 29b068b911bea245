package org.vbcsettle.cli.crash;

import java.nio.file.Path;

/**
 * The database the crashed node restarts on. H2's URL carries no settings of its own: the node adds the
 * ones it needs (DatabaseSettings), so the harness tests what an operator's default URL gets.
 */
public record CrashStore(String name, String url, String user, String password) {

    public static CrashStore h2(Path dir) {
        return new CrashStore("h2", "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(), "sa", "");
    }

    public static CrashStore postgres(String url, String user, String password) {
        return new CrashStore("postgres", url, user, password == null ? "" : password);
    }

    /** The same store with a URL of the caller's (e.g. with explicit H2 settings). */
    public CrashStore withUrl(String url) {
        return new CrashStore(name, url, user, password);
    }
}

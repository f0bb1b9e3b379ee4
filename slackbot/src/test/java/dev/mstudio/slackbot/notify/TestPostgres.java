package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the installed Debian
 * binaries ({@code apt-get install postgresql}) in a temporary directory, listening on 127.0.0.1 with
 * password authentication, and stopped when the JVM exits. PostgreSQL refuses to run as root, so
 * under root its processes run as the {@code postgres} user. Each caller gets a fresh database.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "test-secret";
    private static TestPostgres shared;

    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The server, started on first use. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new empty database: {@code jdbc:postgresql://127.0.0.1:PORT/bot_N?user=postgres&password=...}. */
    public String newDatabaseUrl() {
        String name = "bot_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres", PASSWORD)); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name, PASSWORD);
    }

    public String url(String database, String password) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&password=" + password;
    }

    public int port() {
        return port;
    }

    private static TestPostgres start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("mstudio-pg");
            Path data = dir.resolve("data");
            Path pwfile = dir.resolve("pw");
            Files.writeString(pwfile, PASSWORD + "\n");
            if (isRoot()) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(pwfile, postgres);
            }
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-sync");
            int port = freePort();
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            TestPostgres server = new TestPostgres(dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
            return server;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start PostgreSQL for the tests (apt-get install postgresql): "
                    + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run(binaries().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop");
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the JVM is exiting; a leftover temp directory is harmless
        }
    }

    /** The newest installed PostgreSQL's bin directory. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("no PostgreSQL under " + root);
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", ""))))
                    .orElseThrow(() -> new IOException("no initdb under " + root)).resolve("bin");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

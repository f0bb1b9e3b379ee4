package dev.mstudio.slackbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A container image tar ({@code docker save} layout) unpacked into a directory, with a way to run its commands
 * without a container daemon, root or chroot: the image's own dynamic loader starts the image's binary on the
 * image's libraries, and every absolute path the command names is taken inside the directory. What a container
 * runtime would add (its mounts of /proc, /etc/hosts, ...) comes from this machine.
 */
final class UnpackedImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode manifest;
    private final JsonNode config;
    private final Map<String, String> owners;

    private UnpackedImage(Path root, JsonNode manifest, JsonNode config, Map<String, String> owners) {
        this.root = root;
        this.manifest = manifest;
        this.config = config;
        this.owners = owners;
    }

    /** Unpacks {@code imageTar} under {@code dir}: the image's files in {@code dir/rootfs}, layer by layer. */
    static UnpackedImage unpack(Path imageTar, Path dir) throws IOException, InterruptedException {
        Path parts = Files.createDirectories(dir.resolve("image"));
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        tar(parts, "-xf", imageTar.toString());
        JsonNode manifest = JSON.readTree(parts.resolve("manifest.json").toFile()).get(0);
        Map<String, String> owners = new LinkedHashMap<>();
        for (JsonNode layer : manifest.get("Layers")) {
            for (String entry : tar(root, "--numeric-owner", "-xvvzf", parts.resolve(layer.asText()).toString())
                    .split("\n")) {
                String[] fields = entry.split("\\s+", 6); // mode uid/gid size date time path
                if (fields.length == 6) {
                    owners.put("/" + fields[5].replaceFirst("^\\./", "").replaceFirst("/$", ""), fields[1]);
                }
            }
        }
        return new UnpackedImage(root, manifest, JSON.readTree(parts.resolve(manifest.get("Config").asText()).toFile()),
                owners);
    }

    Path root() {
        return root;
    }

    /** The names {@code docker load} gives the image. */
    List<String> tags() {
        List<String> tags = new ArrayList<>();
        manifest.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** The image config's {@code config} object: Entrypoint, User, Env, Healthcheck, ... */
    JsonNode config() {
        return config.get("config");
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        config().path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The image's environment (its config's Env). */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings("Env")) {
            int equals = entry.indexOf('=');
            env.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return env;
    }

    /** The owner of the image's {@code path} as its layer says, {@code UID/GID}. */
    String owner(String path) {
        return owners.get(path);
    }

    /** Where the image's absolute {@code path} is here. */
    Path file(String path) {
        return root.resolve(path.substring(1));
    }

    /**
     * A process running {@code command} of the image (its first word looked up on the image's PATH) with the
     * image's environment, plus {@code env} (values naming image paths are the caller's to map). An argument
     * {@code @FILE} (Jib's class path file) is rewritten into {@code scratch} with its image paths mapped here.
     */
    ProcessBuilder process(List<String> command, Map<String, String> env, Path scratch) throws IOException {
        List<String> line = new ArrayList<>(List.of(loader().toString(), "--inhibit-cache", "--library-path",
                libraryDirs().stream().map(Path::toString).collect(Collectors.joining(":")), executable(command.get(0))));
        for (String arg : command.subList(1, command.size())) {
            line.add(arg.startsWith("@/") ? "@" + Files.writeString(Files.createTempFile(scratch, "argfile", ".txt"),
                    classpath(arg.substring(1))) : arg);
        }
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().clear();
        builder.environment().putAll(env());
        builder.environment().put("HOME", file(env().get("HOME")).toString());
        // what glibc, fontconfig and the JVM look up at fixed paths, taken in the image too
        builder.environment().put("LOCPATH", file("/usr/lib/locale").toString());
        builder.environment().put("GCONV_PATH", file("/usr/lib/gconv").toString());
        builder.environment().put("FONTCONFIG_FILE", Files.writeString(Files.createTempFile(scratch, "fonts", ".conf"),
                Files.readString(file("/etc/fonts/fonts.conf")).replaceAll("<(dir|cachedir)>/", "<$1>" + root + "/"))
                .toString());
        builder.environment().put("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=" + file("/tmp") + " -Duser.home="
                + file(env().get("HOME")));
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs {@code command} to its end; its exit status and output (stdout, then stderr). */
    Run run(List<String> command, Map<String, String> env, Path scratch) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = process(command, env, scratch).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    record Run(int status, String out, String err) {
    }

    /** The files a process of this machine has mapped that are not the image's (its own /proc view). */
    List<String> mappedFromOutside(List<String> mapsLines) {
        return mapsLines.stream().map(line -> line.split("\\s+", 6)).filter(fields -> fields.length == 6)
                .map(fields -> fields[5].strip()).filter(path -> path.startsWith("/"))
                .filter(path -> !path.startsWith(root + "/") && !path.startsWith("/tmp/hsperfdata_"))
                .distinct().toList();
    }

    private Path loader() throws IOException {
        try (Stream<Path> files = Stream.of("lib64", "lib").map(root::resolve).filter(Files::isDirectory)
                .flatMap(UnpackedImage::list)) {
            return files.filter(file -> file.getFileName().toString().startsWith("ld-linux")).findFirst()
                    .orElseThrow(() -> new AssertionError("the image has no dynamic loader in /lib64 or /lib"));
        }
    }

    /** The directories outside the Java runtime that hold shared libraries: the image's library path. */
    private List<Path> libraryDirs() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> !file.startsWith(root.resolve("opt")) && !file.startsWith(root.resolve("app")))
                    .filter(file -> file.getFileName().toString().matches(".*\\.so(\\.\\d+)*"))
                    .map(Path::getParent).distinct().sorted().toList();
        }
    }

    private String executable(String name) {
        for (String dir : env().getOrDefault("PATH", "").split(":")) {
            Path candidate = file(dir + "/" + name);
            if (!name.contains("/") && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not on the image's PATH " + env().get("PATH"));
    }

    /** The class path in the image's file {@code path} (Jib's jib-classpath-file), mapped here. */
    String classpath(String path) throws IOException {
        return Stream.of(Files.readString(file(path)).strip().split(":"))
                .map(entry -> entry.startsWith("/") ? file(entry).toString() : entry).collect(Collectors.joining(":"));
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tar(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--warning=no-unknown-keyword", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

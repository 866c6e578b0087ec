package org.braid.capture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by two veth pairs (src/test/resources/capture/netns.sh), with the
 * client's MPTCP subflow endpoint on the second path, torn down on {@link #close()}. Braid's JVM
 * stays in the root namespace; {@link #inClient} opens a capture from a thread moved into the
 * client's namespace (setns), so the capture sees both of the client's veths through {@code any}.
 */
final class TwoPathNetwork implements AutoCloseable {
    static final String SERVER_ADDRESS = "192.0.2.2";
    static final int PORT = 5201;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;

    /** The few libc calls the JDK has no word for. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int setns(int fd, int nstype);

        int close(int fd);
    }

    private final String prefix;
    private final List<Process> processes = new ArrayList<>();

    private TwoPathNetwork(String prefix) {
        this.prefix = prefix;
    }

    /** Skips the calling test unless this process may create namespaces (root) and {@code ip netns} works. */
    static void assumeAvailable() {
        assumeTrue(isRoot(), "live capture in network namespaces needs root (CI runs as root)");
        assumeTrue(succeeds("ip", "netns", "list"), "`ip netns` is not available (install iproute2)");
        assumeTrue(succeeds("python3", "-c", "import socket"), "python3 is not available");
    }

    /** Removes leftovers of ended runs, then builds the network; {@code rate} shapes the client's egress, or null. */
    static TwoPathNetwork create(String rate) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        script("cleanup", String.valueOf(pid));
        // Our pid in the name: a cleanup by another build running now spares this network.
        String prefix = String.format(Locale.ROOT, "bcap-%06x%x", pid & 0xffffff, ThreadLocalRandom.current().nextInt(16));
        TwoPathNetwork network = new TwoPathNetwork(prefix);
        try {
            if (rate == null) {
                script("up", prefix);
            } else {
                script("up", prefix, rate);
            }
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    String clientNamespace() {
        return prefix + "-c";
    }

    String serverNamespace() {
        return prefix + "-s";
    }

    /** The client's veth on path {@code path} (1 or 2). */
    String clientInterface(int path) {
        return prefix + "-c" + path;
    }

    /** Runs {@code work} on a fresh thread moved into the client's network namespace, and returns its result. */
    <T> T inClient(Callable<T> work) throws Exception {
        return inNamespace(clientNamespace(), work);
    }

    private static <T> T inNamespace(String namespace, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            int fd = LibC.INSTANCE.open("/run/netns/" + namespace, O_RDONLY);
            if (fd < 0) {
                throw new IOException("cannot open /run/netns/" + namespace);
            }
            try {
                if (LibC.INSTANCE.setns(fd, CLONE_NEWNET) != 0) {
                    throw new IOException("setns into " + namespace + " failed, errno " + Native.getLastError());
                }
            } finally {
                LibC.INSTANCE.close(fd);
            }
            return work.call();
        });
        // A thread of its own, ended after the work: it stays in the namespace and must not be reused.
        Thread thread = new Thread(task, "in-" + namespace);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Starts the MPTCP server (sample-traces/mptcp_peer.py) for {@code connections} connections, listening. */
    Process startServer(int connections) throws IOException, InterruptedException {
        Process server = start("ip", "netns", "exec", serverNamespace(), "python3", peerScript(), "server",
                "--bind", "0.0.0.0", "--port", String.valueOf(PORT), "--count", String.valueOf(connections));
        String line = new String(server.getInputStream().readNBytes(6), StandardCharsets.US_ASCII);
        if (!line.startsWith("ready")) {
            throw new IOException("MPTCP server did not start: " + line + errorText(server));
        }
        return server;
    }

    /** Runs the MPTCP client: one connection sending {@code bytes} to the server, then a clean close. */
    void runClient(long bytes) throws IOException, InterruptedException {
        Process client = start("ip", "netns", "exec", clientNamespace(), "python3", peerScript(), "client",
                "--connect", SERVER_ADDRESS, "--port", String.valueOf(PORT), "--bytes", String.valueOf(bytes));
        if (!client.waitFor(30, TimeUnit.SECONDS) || client.exitValue() != 0) {
            throw new IOException("MPTCP client failed" + errorText(client));
        }
    }

    /** Starts a process the network's close() kills if it still runs. */
    Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        script("down", prefix);
    }

    private static String errorText(Process process) throws IOException {
        if (process.isAlive()) {
            return "";
        }
        return ": " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String peerScript() {
        return Paths.get("sample-traces", "mptcp_peer.py").toAbsolutePath().toString();
    }

    /** Runs a command to its end; its output is the failure message. */
    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    static void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", resource("netns.sh").toString()));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    static Path resource(String name) {
        try {
            return Paths.get(TwoPathNetwork.class.getResource("/capture/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Paths.get("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+", -1)[2].equals("0")); // effective uid
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

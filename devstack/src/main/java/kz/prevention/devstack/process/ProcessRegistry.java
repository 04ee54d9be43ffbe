package kz.prevention.devstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts components as detached processes and remembers them by PID file.
 *
 * <p>A PID file holds the PID and the process's start instant: a PID the kernel has since
 * given to an unrelated process is not ours, so {@code down} can never kill a stranger.
 * Processes are started in their own session ({@code setsid}) so a Ctrl-C in the terminal
 * that ran {@code up} does not take the platform down with it.
 */
public final class ProcessRegistry {

    private final Path pids;
    private final Path logs;

    public ProcessRegistry(Path pids, Path logs) {
        this.pids = pids;
        this.logs = logs;
    }

    public Path logFile(String component) {
        return logs.resolve(component + ".log");
    }

    public ProcessHandle start(String component, List<String> command, Map<String, String> env, Path workDir) {
        try {
            Files.createDirectories(pids);
            Files.createDirectories(logs);
            List<String> full = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute()) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(component).toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            ProcessHandle handle = p.toHandle();
            Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
            Files.writeString(pidFile(component), handle.pid() + " " + started.toEpochMilli() + "\n");
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + component + ": " + e.getMessage(), e);
        }
    }

    /** The component's process, if its PID file names a live process that is still the one we started. */
    public Optional<ProcessHandle> running(String component) {
        Path file = pidFile(component);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long startedMillis = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> startedMillis < 0 || h.info().startInstant()
                            .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 2000).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, wait for a graceful exit, then SIGKILL the process and anything it left behind. */
    public boolean stop(String component, Duration grace) {
        Optional<ProcessHandle> handle = running(component);
        if (handle.isEmpty()) {
            deletePidFile(component);
            return false;
        }
        ProcessHandle h = handle.get();
        List<ProcessHandle> family = new ArrayList<>(h.descendants().toList());
        h.destroy();
        try {
            h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            h.destroyForcibly();
        }
        family.addAll(h.descendants().toList());
        for (ProcessHandle child : family) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        deletePidFile(component);
        return true;
    }

    private void deletePidFile(String component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pidFile(String component) {
        return pids.resolve(component + ".pid");
    }
}

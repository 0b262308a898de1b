package dev.newsbrief.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SchedulerNode} in a child JVM (the project's pattern: see BuildKillTest), its output collected line by line. */
final class ChildJvm {
    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output lost: " + e.getMessage() + ")");
            }
        }, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(List<String> properties, Map<String, String> environment, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.add(SchedulerNode.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    long pid() {
        return process.pid();
    }

    boolean said(String prefix) {
        return output.stream().anyMatch(line -> line.startsWith(prefix));
    }

    int lineStarting(String prefix) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Sends a signal by name (STOP, CONT) with the system's kill. */
    void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IOException("kill -" + name + " " + pid() + " exited " + status);
        }
    }

    @Override
    public String toString() {
        return "node " + pid() + ":\n  " + String.join("\n  ", output);
    }
}

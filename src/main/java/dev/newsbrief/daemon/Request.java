package dev.newsbrief.daemon;

import java.util.List;
import java.util.Map;

/**
 * What a client asks the daemon.
 *
 * @param kind             a build to run, or a question to the daemon itself
 * @param fingerprint      the client's code ({@code Fingerprint.codeFile()}): the daemon runs only the same code
 * @param workingDirectory the client's, against which relative paths on its command line resolve
 * @param args             the client's command line, {@code build} first
 * @param environment      the client's whole environment (SOURCE_DATE_EPOCH, NO_COLOR…)
 * @param terminal         whether the client's stderr is a terminal a person watches
 */
public record Request(Kind kind, String fingerprint, String workingDirectory, List<String> args, Map<String, String> environment,
        boolean terminal) {
    /** What is asked. */
    public enum Kind {
        /** Run {@code args} as the client would and stream its output. */
        BUILD,
        /** Say that the daemon runs, and where. */
        STATUS,
        /** Stop listening and end. */
        STOP
    }

    public Request {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }
}

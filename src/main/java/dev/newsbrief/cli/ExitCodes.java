package dev.newsbrief.cli;

import dev.newsbrief.build.OutputLockedException;
import dev.newsbrief.model.InvalidInputException;
import java.io.UncheckedIOException;

/** Maps failures to exit codes and one-line messages. */
final class ExitCodes {
    private ExitCodes() { }

    static int of(Throwable exception) {
        if (exception instanceof InvalidInputException) {
            return ExitCode.INVALID_INPUT;
        }
        if (exception instanceof OutputLockedException) {
            return ExitCode.BUSY;
        }
        if (exception instanceof UncheckedIOException || exception instanceof java.io.IOException
                || exception instanceof dev.newsbrief.schedule.ScheduleException) {
            return ExitCode.IO;
        }
        return ExitCode.SOFTWARE;
    }

    static String describe(Throwable exception) {
        if (exception instanceof InvalidInputException || exception instanceof UncheckedIOException
                || exception instanceof OutputLockedException || exception instanceof dev.newsbrief.schedule.ScheduleException) {
            return exception.getMessage();
        }
        return "internal error: " + exception + " (please report this with the command you ran)";
    }
}

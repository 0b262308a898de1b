package dev.newsbrief.schedule;

/** The schedule cannot run: the database is unreachable or damaged, Quartz refused a setting. One line, no stack trace needed. */
public class ScheduleException extends RuntimeException {
    public ScheduleException(String message) {
        super(message);
    }

    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}

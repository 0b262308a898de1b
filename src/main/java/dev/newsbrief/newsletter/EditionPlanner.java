package dev.newsbrief.newsletter;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Which stories the next edition takes, and its number and date: from the folder and the editions so far, never the clock. */
final class EditionPlanner {
    private EditionPlanner() { }

    /** A story the newsletter's folder offers: where it is and what it is. */
    record Candidate(Path path, StorySource source) {
        String id() {
            return source.story().id();
        }
    }

    /** Every story bundle (a folder with story.yaml) and story file directly in the folder, by id. */
    static Map<String, Candidate> candidates(Newsletter newsletter, StoryLoader loader) {
        List<Path> paths;
        try (Stream<Path> list = Files.list(newsletter.stories().folder())) {
            paths = list.filter(path -> Files.isRegularFile(path.resolve(StoryLoader.BUNDLE_STORY))
                            || Files.isRegularFile(path) && path.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(newsletter.stories().folder().toString(), 0, 0, "",
                    "cannot list the newsletter's story folder: " + e.getMessage());
        }
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Path path : paths) {
            Candidate candidate = new Candidate(path, loader.loadSource(path));
            Candidate earlier = byId.putIfAbsent(candidate.id(), candidate);
            if (earlier != null) {
                throw candidate.source().error("id", "story id '" + candidate.id() + "' is also used by " + earlier.path()
                        + "; each story needs its own id");
            }
        }
        return byId;
    }

    /** The next edition: the newest stories no sealed edition had, at most {@code max}; none if there are none. */
    static Optional<Edition> next(Newsletter newsletter, List<Edition> editions, Map<String, Candidate> candidates, Optional<Instant> at) {
        Set<String> sent = new java.util.HashSet<>();
        editions.stream().filter(Edition::sealed).forEach(edition -> sent.addAll(edition.stories()));
        List<Candidate> fresh = candidates.values().stream()
                .filter(candidate -> !sent.contains(candidate.id()))
                .sorted(Comparator.comparing((Candidate candidate) -> candidate.source().story().published()).reversed()
                        .thenComparing(Candidate::id))
                .limit(newsletter.stories().max())
                .toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        int number = editions.stream().mapToInt(Edition::number).max().orElse(0) + 1;
        var newest = fresh.get(0).source().story();
        Instant moment = at.orElseGet(() -> newest.published().atStartOfDay(newest.timeZone()).toInstant());
        return Optional.of(new Edition(newsletter.name(), number, moment, fresh.stream().map(Candidate::id).toList(), false));
    }

}

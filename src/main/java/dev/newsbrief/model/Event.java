package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What happened: a signing, a ceasefire taking effect, a summit… Every role is a list,
 * since the world often has several hosts, mediators or signatories.
 *
 * @param kind        what sort of event; picks the shared lede message {@code event.<kind>}
 * @param date        the day it happened
 * @param city        where, if it happened in one place
 * @param venue       the building or site, if known
 * @param document    the agreement, declaration or accord it produced (an entity of kind document)
 * @param hosts       who hosted it
 * @param mediators   who brokered it
 * @param parties     the sides (countries, organisations, armed groups); never empty
 * @param signatories the people who signed
 * @param details     story colour: claims worded by the story's own bundle
 */
public record Event(@JsonProperty(required = true) Kind kind,
                    @JsonProperty(required = true) LocalDate date,
                    EntityRef city,
                    EntityRef venue,
                    EntityRef document,
                    List<EntityRef> hosts,
                    List<EntityRef> mediators,
                    @JsonProperty(required = true) @NonEmpty List<EntityRef> parties,
                    List<EntityRef> signatories,
                    List<Claim> details) {

    /** Kinds of event a brief can report. */
    public enum Kind {
        SIGNING, CEASEFIRE, ANNOUNCEMENT, SUMMIT, TALKS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Event {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        mediators = mediators == null ? List.of() : List.copyOf(mediators);
        parties = parties == null ? List.of() : List.copyOf(parties);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The id of {@link #kind}, for templates and message keys. */
    public String kindId() {
        return kind.id();
    }
}

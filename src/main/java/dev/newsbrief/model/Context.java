package dev.newsbrief.model;

import java.time.Year;
import java.util.List;

/** The wider picture the story sits in. */
public record Context(EntityRef formerMediator,
                      Invasion invasion,
                      List<Claim> claims) {
    public Context {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** One country's invasion of another. */
    public record Invasion(EntityRef by, EntityRef of, Year year) { }
}

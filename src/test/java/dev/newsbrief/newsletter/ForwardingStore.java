package dev.newsbrief.newsletter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A store that hands every call to another: tests override {@link #record} to watch or to crash. */
abstract class ForwardingStore implements NewsletterStore {
    protected final NewsletterStore store;

    ForwardingStore(NewsletterStore store) {
        this.store = store;
    }

    @Override
    public List<Edition> editions(String newsletter) {
        return store.editions(newsletter);
    }

    @Override
    public Optional<Edition> openEdition(String newsletter, Function<List<Edition>, Optional<Edition>> next) {
        return store.openEdition(newsletter, next);
    }

    @Override
    public void seal(String newsletter, int number) {
        store.seal(newsletter, number);
    }

    @Override
    public Map<String, DeliveryState> deliveries(String newsletter, int number, String language) {
        return store.deliveries(newsletter, number, language);
    }

    @Override
    public void record(String newsletter, int number, String language, String address, DeliveryState state, String detail) {
        store.record(newsletter, number, language, address, state, detail);
    }

    @Override
    public void close() {
        store.close();
    }
}

package dev.newsbrief.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a YAML tree, at the slot {@code target} (modulo the number of slots, so it
 * applies to any tree): drop the field, put another value there, wrap it in deep nesting,
 * or turn it into a list or mapping.
 */
public record Mutation(Op op, int target, Object value) {
    public enum Op { DROP, REPLACE, NEST, LISTIFY, MAPIFY, RENAME }

    public static Arbitrary<Mutation> arbitrary() {
        Arbitrary<Object> replacement = Arbitraries.oneOf(Values.scalar(), Values.date(), Values.text().map(t -> (Object) t),
                Arbitraries.of("&a [*a]", "&a {x: *a}", "*undefined", "!!set {a, b}", "!!omap [a: 1]", "[[[[[[[[[[", "{a: 1, a: 2}",
                        "{{}: 1}", "[a, &b b, *b, *b]", "!<tag:yaml.org,2002:str> x", "!!float x", "!!int 1.5", "!!timestamp 2025-13-45")
                        .map(s -> (Object) new YamlWriter.Raw(s)));
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 400),
                Arbitraries.oneOf(replacement, Arbitraries.integers().between(1, 300).map(i -> (Object) i)))
                .as(Mutation::new);
    }

    Object apply(Object tree) {
        List<Trees.Slot> slots = Trees.slots(tree);
        if (slots.isEmpty()) {
            return op == Op.REPLACE ? value : tree;
        }
        Trees.Slot slot = slots.get(target % slots.size());
        switch (op) {
            case DROP -> slot.remove();
            case REPLACE -> slot.set(value);
            case NEST -> {
                // Depth from 1 to 300: the loaders' depth limit sits in between.
                int depth = value instanceof Integer n ? n : 50;
                Object nested = slot.get();
                for (int i = 0; i < depth; i++) {
                    nested = i % 2 == 0 ? new ArrayList<>(List.of(nested)) : new LinkedHashMap<>(Map.of("x", nested));
                }
                slot.set(nested);
            }
            case LISTIFY -> slot.set(new ArrayList<>(List.of(slot.get() == null ? "x" : slot.get())));
            case MAPIFY -> slot.set(new LinkedHashMap<>(Map.of("value", slot.get() == null ? "x" : slot.get())));
            case RENAME -> {
                if (slot.container() instanceof Map<?, ?> map) {
                    Object old = slot.get();
                    slot.remove();
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> writable = (Map<Object, Object>) map;
                    writable.put(value instanceof YamlWriter.Raw || value == null ? "renamed" : value, old);
                }
            }
        }
        return tree;
    }
}

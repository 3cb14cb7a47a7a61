package io.sentral.routing;

import io.sentral.core.route.RoutePlan;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one routing stage: either the stage decided (a {@link RoutePlan}), or it passed the
 * call on to the next stage together with what it learnt. Chaining with {@link #then} lets a
 * pipeline read as a table of contents of its stages; the first decision short-cuts the rest.
 *
 * @param <T> what the next stage receives
 */
sealed interface Step<T> {

    static <T> Step<T> pass(T value) {
        return new Pass<>(value);
    }

    static <T> Step<T> decide(RoutePlan plan) {
        return new Decided<>(plan);
    }

    /** Runs {@code stage} on the passed value, or keeps the decision already made. */
    default <R> Step<R> then(Function<? super T, Step<R>> stage) {
        return switch (this) {
            case Pass<T> pass -> stage.apply(pass.value());
            case Decided<T> decided -> new Decided<>(decided.plan());
        };
    }

    /** Runs the last stage, which always decides, unless an earlier stage already did. */
    default RoutePlan last(Function<? super T, RoutePlan> stage) {
        return switch (this) {
            case Pass<T> pass -> stage.apply(pass.value());
            case Decided<T> decided -> decided.plan();
        };
    }

    /** The stage passed: routing goes on with {@code value}. */
    record Pass<T>(T value) implements Step<T> {
        public Pass {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The stage decided: later stages do not run. */
    record Decided<T>(RoutePlan plan) implements Step<T> {
        public Decided {
            Objects.requireNonNull(plan, "plan");
        }
    }
}

package dev.kervan.pipeline.internal;

import org.jspecify.annotations.Nullable;

/** A reason an opportunity can be lost for. */
public record NewLostReason(@Nullable String name) {
}

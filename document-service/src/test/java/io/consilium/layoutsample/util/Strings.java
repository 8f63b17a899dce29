package io.consilium.layoutsample.util;

/** Breaks the layout on purpose: a catch-all package outside the layers. */
public final class Strings {
}

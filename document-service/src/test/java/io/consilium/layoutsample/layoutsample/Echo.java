package io.consilium.layoutsample.layoutsample;

/** Breaks the layout on purpose: a package named like its parent. */
public final class Echo {
}

package io.consilium.layoutsample.service;

import io.smallrye.config.WithDefault;

/** Breaks the layout on purpose: a config mapping outside config/ (with a default, so a test start is not bothered). */
@io.smallrye.config.ConfigMapping(prefix = "layoutsample")
public interface MisplacedConfig {
    @WithDefault("sample")
    String name();
}

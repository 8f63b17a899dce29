package io.consilium.notification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of every message per event and language ({@code messages/<language>.properties}, Qute syntax for the
 * data), English when the language is not offered or a text is missing in it. Texts say that something happened
 * and where to look; they hold no names and no clinical content.
 */
public final class MessageTexts {

    public static final List<String> LANGUAGES = List.of("en", "es", "de", "fr");
    public static final String FALLBACK = "en";

    /** The parts of a message: e-mail subject and body, and the short text of push and inbox. */
    public enum Part {
        SUBJECT("subject"), BODY("body"), SHORT("short");

        final String key;

        Part(String key) {
            this.key = key;
        }
    }

    private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

    public MessageTexts() {
        for (String language : LANGUAGES) {
            byLanguage.put(language, load(language));
        }
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        try (InputStream in = MessageTexts.class.getResourceAsStream("/messages/" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("No texts for " + language);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The language a message is written in: the one asked for when offered, else English. */
    public static String language(String requested) {
        String l = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(l) ? l : FALLBACK;
    }

    /** {@code consilium.report.released.v1} → {@code report.released}. */
    static String key(String eventType) {
        String k = eventType.startsWith("consilium.") ? eventType.substring("consilium.".length()) : eventType;
        return k.replaceFirst("\\.v\\d+$", "");
    }

    public boolean has(String eventType) {
        return byLanguage.get(FALLBACK).containsKey(key(eventType) + "." + Part.SUBJECT.key);
    }

    /** The text (a Qute template) of the event's part in the language, else in English; empty when none. */
    public Optional<String> text(String language, String eventType, Part part) {
        return word(language, key(eventType) + "." + part.key);
    }

    /** A plain text of the language by key (greeting, footer, status.BREACHED...), else English. */
    public Optional<String> word(String language, String key) {
        String value = byLanguage.get(language(language)).getProperty(key);
        if (value == null) {
            value = byLanguage.get(FALLBACK).getProperty(key);
        }
        return Optional.ofNullable(value);
    }
}

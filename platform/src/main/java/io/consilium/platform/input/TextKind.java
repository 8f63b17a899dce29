package io.consilium.platform.input;

/**
 * What a string is, which decides the characters {@link InputPolicy} lets through. Both refuse NUL and the other
 * C0/C1 controls, bidi embeddings and overrides (U+202A-202E), noncharacters and unpaired surrogates.
 */
public enum TextKind {

    /**
     * A name, code or identifier, and every query, path and header value: one line, so tab, LF and CR are refused
     * too, and so are the bidi isolates (U+2066-2069) and marks (U+200E, U+200F, U+061C), which can make one
     * identifier look like another.
     */
    NAME,

    /**
     * Long free text (messages, reasons, diagnoses, report sections): tab, LF and CR are allowed, and so are the
     * bidi isolates and marks that mixed right-to-left and left-to-right writing legitimately needs.
     */
    FREE_TEXT
}

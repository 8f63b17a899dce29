package io.consilium.platform.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which {@link TextKind} a string field of a request body is; without it a body string is
 * {@link TextKind#FREE_TEXT}. On a record component it reaches the constructor parameter Jackson reads, and on a
 * list or array of strings it applies to each element.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface InputKind {
    TextKind value();
}

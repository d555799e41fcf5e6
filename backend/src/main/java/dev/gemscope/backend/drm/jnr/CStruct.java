package dev.gemscope.backend.drm.jnr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The C type a jnr {@code Struct} mirrors, e.g. {@code struct drm_version}. {@link AbiTable} reads
 * it to emit {@code sizeof}/{@code offsetof} checks for every public member, whose Java name is the
 * C member name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface CStruct {

    /** The C type, with the {@code struct} keyword. */
    String value();

    /** The header that declares it, for messages. */
    String header();
}

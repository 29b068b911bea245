package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a sealed interface of contract terms: a document names the record it means in a {@code method} field,
 * e.g. {@code minimumSavingsRate: {method: fixed, rate: 0.02}}; the interface's {@code @JsonSubTypes} maps
 * each name to its record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JacksonAnnotationsInside
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "method")
@interface ChosenByMethod {
}

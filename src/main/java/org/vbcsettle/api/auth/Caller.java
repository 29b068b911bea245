package org.vbcsettle.api.auth;

/**
 * The verified identity behind a request.
 *
 * @param party the payer or provider id the caller acts for (null for actuary and admin tokens without one)
 */
public record Caller(Role role, String party, String subject) {
}

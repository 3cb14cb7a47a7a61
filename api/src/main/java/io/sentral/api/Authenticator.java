package io.sentral.api;

/**
 * Port: says who presents a credential (S17). Implementations check the stored account on every
 * call, so a removed account, a changed password or a revoked token counts from the next request,
 * and throttle password guessing per account and per source address. Called on the API's worker
 * threads, never on the HTTP I/O thread: checking a password hash is deliberately slow.
 */
@FunctionalInterface
public interface Authenticator {
    Authentication authenticate(Credential credential, String source);
}

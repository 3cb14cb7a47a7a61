package io.sentral.sip.registrar;

import io.sentral.core.registration.Binding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's binding rules of RFC 3261 §10.3 steps 6-8 as a pure function: given the current
 * bindings of an address of record and a REGISTER, the new bindings or why not.
 */
public final class BindingRules {
    private final RegistrarPolicy policy;

    public BindingRules(RegistrarPolicy policy) {
        this.policy = policy;
    }

    public RegisterOutcome apply(List<Binding> current, RegisterRequest request, Instant now) {
        List<Binding> live = current.stream().filter(b -> b.activeAt(now)).toList();
        if (request.wildcard()) {
            return wildcard(live, request);
        }
        if (request.contacts().isEmpty()) {
            return new RegisterOutcome.Updated(sorted(live), false);
        }
        for (ContactRequest c : request.contacts()) {
            long expires = expiresOf(c, request);
            if (expires > 0 && expires < policy.minExpires().toSeconds()) {
                return new RegisterOutcome.TooBrief(policy.minExpires().toSeconds());
            }
        }
        List<Binding> next = new ArrayList<>(live);
        for (ContactRequest c : request.contacts()) {
            Optional<Binding> existing = next.stream().filter(b -> sameContact(b.contactUri(), c.uri())).findFirst();
            if (existing.isPresent() && existing.get().callId().equals(request.callId())
                    && existing.get().cseq() >= request.cseq()) {
                return new RegisterOutcome.Invalid("CSeq " + request.cseq() + " is not above the binding's "
                        + existing.get().cseq() + " (out-of-order REGISTER)");
            }
            existing.ifPresent(next::remove);
            long expires = Math.min(expiresOf(c, request), policy.maxExpires().toSeconds());
            if (expires > 0) {
                next.add(new Binding(request.aor(), c.uri(), now.plusSeconds(expires), request.callId(),
                        request.cseq(), request.source(), c.q()));
            }
        }
        if (next.size() > policy.maxContacts()) {
            return new RegisterOutcome.Invalid("too many contacts for " + request.aor() + ": " + next.size()
                    + " (at most " + policy.maxContacts() + ")");
        }
        return new RegisterOutcome.Updated(sorted(next), true);
    }

    private RegisterOutcome wildcard(List<Binding> live, RegisterRequest request) {
        if (!request.contacts().isEmpty()) {
            return new RegisterOutcome.Invalid("Contact: * must be the only contact");
        }
        if (request.expiresHeader().filter(e -> e == 0).isEmpty()) {
            return new RegisterOutcome.Invalid("Contact: * needs Expires: 0");
        }
        boolean outOfOrder = live.stream()
                .anyMatch(b -> b.callId().equals(request.callId()) && b.cseq() >= request.cseq());
        if (outOfOrder) {
            return new RegisterOutcome.Invalid("CSeq " + request.cseq() + " is not above the bindings' (out-of-order REGISTER)");
        }
        return new RegisterOutcome.Updated(List.of(), true);
    }

    private long expiresOf(ContactRequest c, RegisterRequest request) {
        return c.expires().or(request::expiresHeader).orElse(policy.defaultExpires().toSeconds());
    }

    /** Contact URIs compare case-insensitively on scheme/host; we compare the whole URI loosely. */
    private static boolean sameContact(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static List<Binding> sorted(List<Binding> bindings) {
        return bindings.stream().sorted(Comparator.comparingDouble((Binding b) -> -b.q())
                .thenComparing(Binding::expiresAt, Comparator.reverseOrder())).toList();
    }
}

package io.sentral.api;

import io.sentral.core.provisioning.CustomerProvisioning;
import java.util.function.UnaryOperator;

/**
 * Port: stores a customer's provisioning as {@code author} — the same provisioning the YAML file
 * goes through, so the whole customer is validated again and the change is live at once. A clash
 * with another customer answers 409.
 */
@FunctionalInterface
public interface Provisioning {
    void apply(CustomerProvisioning customer, String author);

    /** Applies {@code change} to {@code customer} for the request's caller; core's refusals answer 400. */
    default void change(CustomerProvisioning customer, UnaryOperator<CustomerProvisioning> change, ApiRequest request) {
        CustomerProvisioning changed;
        try {
            changed = change.apply(customer);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        apply(changed, request.caller().account().value());
    }
}

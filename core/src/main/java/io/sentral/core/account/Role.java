package io.sentral.core.account;

/** What a web account may do (S17). Tenant roles see one customer only; the others see all. */
public enum Role {
    /** An employee: own call log, absence and forwarding. */
    USER(true),
    /** A switchboard operator: queues, transfers, queue call logs. */
    OPERATOR(true),
    /** The customer's administrator: users, queues, VIP list, emergency addresses, statistics. */
    CONTACT_PERSON(true),
    /** NOC engineer: reads everything, changes nothing. */
    NOC(false),
    /** The operator's system administrator: everything. */
    SYSTEM_ADMIN(false);

    private final boolean tenantScoped;

    Role(boolean tenantScoped) {
        this.tenantScoped = tenantScoped;
    }

    /** The role as the API and the audit log write it: {@code contact-person}, {@code system-admin}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether an account with this role belongs to exactly one tenant. */
    public boolean tenantScoped() {
        return tenantScoped;
    }
}

package io.sentral.storage;

import io.sentral.config.ConfigLoader;
import io.sentral.config.SentralConfig;
import io.sentral.core.provisioning.CustomerProvisioning;

/** The demo provisioning of DEMO.md, as the shipped YAML gives it. */
final class Demo {
    static final SentralConfig CONFIG = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);

    private Demo() {
    }

    static CustomerProvisioning customer(String id) {
        return CONFIG.customers().stream().filter(c -> c.tenant().value().equals(id)).findFirst().orElseThrow();
    }
}

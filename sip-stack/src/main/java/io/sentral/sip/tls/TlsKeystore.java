package io.sentral.sip.tls;

import java.nio.file.Path;
import java.util.Objects;

/** The PKCS#12 key store holding the SIP TLS server certificate and key (T1, port 5061). */
public record TlsKeystore(Path path, String password) {
    public TlsKeystore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TlsKeystore[" + path + "]";
    }
}

package io.sentral.app;

import io.sentral.sip.tls.TlsKeystore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SIP TLS certificate (DEMO.md: "self-signed demo certificate, generated on first
 * start"): a PKCS#12 key store in {@code <dataDir>/tls/} with a random password kept beside it
 * (owner-readable only). Created once; later starts reuse it.
 */
final class SelfSignedCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final String ALIAS = "sentral";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** The key store in {@code directory}, generated for {@code domain} and {@code ip} if absent. */
    static TlsKeystore ensure(Path directory, String domain, String ip, Clock clock) {
        Path store = directory.resolve("sentral-tls.p12");
        Path secret = directory.resolve("sentral-tls.password");
        try {
            if (Files.exists(store) && Files.exists(secret)) {
                return new TlsKeystore(store, Files.readString(secret, StandardCharsets.UTF_8).trim());
            }
            Files.createDirectories(directory);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            writePrivate(secret, password.getBytes(StandardCharsets.UTF_8));
            KeyStore keyStore = generate(domain, ip, password, clock.instant());
            try (OutputStream out = Files.newOutputStream(store)) {
                keyStore.store(out, password.toCharArray());
            }
            LOG.info("generated a self-signed SIP TLS certificate for {} in {}", domain, store);
            return new TlsKeystore(store, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TLS key store in " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the TLS certificate: " + e.getMessage(), e);
        }
    }

    private static KeyStore generate(String domain, String ip, String password, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + domain + ", O=Sentral demo");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, domain), new GeneralName(GeneralName.iPAddress, ip)}));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        return keyStore;
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on this file system for {}", file);
        }
    }
}

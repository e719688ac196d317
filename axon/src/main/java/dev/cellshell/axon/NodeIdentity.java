package dev.cellshell.axon;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A node's identity: its name, an EC P-256 key pair and a self-signed certificate, kept as {@code node.key} and
 * {@code node.crt} (PEM, readable by the owner only) in the workspace's {@code node/} folder. Peers know a node by
 * its certificate's SHA-256 fingerprint, pinned when they pair; nothing trusts a certificate authority.
 */
public record NodeIdentity(String name, PrivateKey key, X509Certificate certificate) {

    public static final String KEY_FILE = "node.key";
    public static final String CERTIFICATE_FILE = "node.crt";
    private static final Duration VALIDITY = Duration.ofDays(20 * 365);

    /** A node name: what peers call it and what {@code --on} takes. */
    public static String checkedName(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a node name is 1 to 32 lower-case letters, digits and dashes, "
                    + "starting with a letter: '" + name + "'");
        }
        return name;
    }

    public String fingerprint() {
        return Fingerprints.of(certificate);
    }

    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(KEY_FILE)) && Files.isRegularFile(folder.resolve(CERTIFICATE_FILE));
    }

    /** Makes a new identity in {@code folder} (which must not hold one), files 0600. */
    public static NodeIdentity create(Path folder, String name) throws IOException {
        checkedName(name);
        if (exists(folder)) {
            throw new IOException("this workspace has a node identity already (" + folder.resolve(CERTIFICATE_FILE)
                    + "); a new one would make every paired peer refuse it");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                    .addRDN(BCStyle.O, "CellShell node").build();
            Instant now = Instant.now();
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject,
                    pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            Files.createDirectories(folder);
            writePrivately(folder.resolve(KEY_FILE), pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                    pair.getPrivate(), null)));
            writePrivately(folder.resolve(CERTIFICATE_FILE), pem(certificate));
            return new NodeIdentity(name, pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the node's key and certificate: " + e.getMessage(), e);
        }
    }

    /** Reads the identity in {@code folder}; the name is the certificate's common name. */
    public static NodeIdentity load(Path folder) throws IOException {
        if (!exists(folder)) {
            throw new IOException("this workspace has no node identity: run 'cell node init' first");
        }
        try (PEMParser keyIn = new PEMParser(new StringReader(Files.readString(folder.resolve(KEY_FILE))));
                PEMParser certIn = new PEMParser(new StringReader(Files.readString(
                        folder.resolve(CERTIFICATE_FILE))))) {
            Object key = keyIn.readObject();
            Object cert = certIn.readObject();
            if (!(key instanceof PrivateKeyInfo info) || !(cert instanceof X509CertificateHolder holder)) {
                throw new IOException("node.key or node.crt in " + folder + " is not what 'cell node init' wrote");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            String name = holder.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString();
            PrivateKey privateKey = java.security.KeyFactory.getInstance("EC").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
            return new NodeIdentity(name, privateKey, certificate);
        } catch (GeneralSecurityException e) {
            throw new IOException("the node's certificate in " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** Writes a file that only its owner may read, created so: never world-readable, not even for a moment. */
    static void writePrivately(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

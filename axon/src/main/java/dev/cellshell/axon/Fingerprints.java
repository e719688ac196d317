package dev.cellshell.axon;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** A certificate's SHA-256 fingerprint, as peers pin it: 64 lower-case hex digits. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** The first 16 digits in groups of four, as people compare them ({@code 3f2a-91c0-…}). */
    public static String shortForm(String fingerprint) {
        String head = fingerprint.substring(0, Math.min(16, fingerprint.length()));
        return String.join("-", head.split("(?<=\\G.{4})"));
    }
}

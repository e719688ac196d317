package dev.cellshell.axon;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proofs two nodes exchange when they pair. Each side proves it knows the one-time code by an HMAC keyed with
 * it over both certificates' fingerprints as that side saw them in the TLS handshake: a node in the middle, which
 * must show each side a certificate of its own, cannot make a proof either side accepts without the code.
 */
public final class Pairing {

    private Pairing() {
    }

    /** The requester's proof: it asks {@code acceptor} to pin {@code requester}. */
    public static byte[] requesterProof(String code, String requesterFingerprint, String acceptorFingerprint,
            String requesterName) {
        return mac(code, "cellshell-pair-1|requester|" + requesterFingerprint + "|" + acceptorFingerprint + "|"
                + requesterName);
    }

    /** The acceptor's proof in its reply. */
    public static byte[] acceptorProof(String code, String acceptorFingerprint, String requesterFingerprint,
            String acceptorName) {
        return mac(code, "cellshell-pair-1|acceptor|" + acceptorFingerprint + "|" + requesterFingerprint + "|"
                + acceptorName);
    }

    /** Compares in constant time. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] mac(String code, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Invites.normalized(code).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }
}

package dev.cellshell.axon;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Predicate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the one certificate a peer presents when its fingerprint is pinned ({@code accepts}), after checking that
 * it signed itself and is within its dates. No authority is involved, and it names none to the other side (an empty
 * list of issuers, so a client sends its certificate whatever the server asks for). Host names are not checked:
 * the pin says who the peer is, wherever it is.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    private final Predicate<String> accepts;
    private final String side;
    private final java.util.function.Consumer<String> refused;

    /** @param side what the peer is to us, for the error: {@code client} or {@code server} */
    public PinnedTrust(Predicate<String> accepts, String side) {
        this(accepts, side, why -> { });
    }

    /** @param refused told why, each time a certificate is refused (the gateway logs it) */
    public PinnedTrust(Predicate<String> accepts, String side, java.util.function.Consumer<String> refused) {
        this.accepts = accepts;
        this.side = side;
        this.refused = refused;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        try {
            verify(chain);
        } catch (CertificateException e) {
            refused.accept(e.getMessage());
            throw e;
        }
    }

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the " + side + " presented no certificate");
        }
        X509Certificate leaf = chain[0];
        leaf.checkValidity();
        try {
            leaf.verify(leaf.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new CertificateException("the " + side + "'s certificate is not self-signed: " + e.getMessage());
        }
        String fingerprint = Fingerprints.of(leaf);
        if (!accepts.test(fingerprint)) {
            throw new CertificateException("the " + side + "'s certificate " + Fingerprints.shortForm(fingerprint)
                    + " is not one this node paired with");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

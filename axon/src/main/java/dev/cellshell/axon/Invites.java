package dev.cellshell.axon;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one-time pairing codes this node has shown: a code is good for one pairing within {@link #VALIDITY}, and three
 * wrong tries void it (a guesser has three chances in 2^40). The gateway lets an unknown certificate finish a TLS
 * handshake only while a code is open, and then only to pair.
 */
public final class Invites {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int TRIES = 3;
    /** Crockford's base 32: no I, L, O, U, so a code read aloud or off a screen is not misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** What a peer that pairs with this code may do here. */
    public record Invite(String code, Instant expires, Set<String> types, boolean mayRunCode) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private Invite open;
    private int wrongTries;

    public Invites(Clock clock) {
        this.clock = clock;
    }

    /** Opens a new code (closing any earlier one): {@code XXXX-XXXX}. */
    public synchronized Invite open(Set<String> types, boolean mayRunCode) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(i == 4 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        open = new Invite(code.toString(), clock.instant().plus(VALIDITY), Set.copyOf(types), mayRunCode);
        wrongTries = 0;
        return open;
    }

    /** The open invite, if one is open and not expired. */
    public synchronized Optional<Invite> current() {
        if (open != null && clock.instant().isAfter(open.expires())) {
            open = null;
        }
        return Optional.ofNullable(open);
    }

    /** Closes the invite after it was used. */
    public synchronized void used(Invite invite) {
        if (open == invite) {
            open = null;
        }
    }

    /** Counts a wrong try; the third closes the invite. Returns how many are left. */
    public synchronized int wrongTry(Invite invite) {
        if (open != invite) {
            return 0;
        }
        wrongTries++;
        if (wrongTries >= TRIES) {
            open = null;
            return 0;
        }
        return TRIES - wrongTries;
    }

    /** A code as typed (lower case, without the dash, with O for 0…) in the form {@link #open} makes. */
    public static String normalized(String typed) {
        String plain = typed.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return plain.length() == 8 ? plain.substring(0, 4) + "-" + plain.substring(4) : plain;
    }
}

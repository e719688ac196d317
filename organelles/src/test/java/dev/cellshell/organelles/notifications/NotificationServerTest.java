package dev.cellshell.organelles.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.organelles.bus.PrivateBus;
import dev.cellshell.widgets.Notification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** libnotify's {@code notify-send} and {@code gdbus} against CellShell's server on a private session bus. */
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a hung bus or program fails, never stalls the build
class NotificationServerTest {

    private PrivateBus bus;
    private Buses buses;
    private ScheduledExecutorService timer;
    private NotificationCenter center;
    private NotificationServer server;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start();
        buses = new Buses(bus.address(), null);
        timer = Executors.newSingleThreadScheduledExecutor();
        center = new NotificationCenter(timer, System::currentTimeMillis);
        server = new NotificationServer(center);
        server.start(buses);
        assertThat(server.unavailable()).isEmpty();
    }

    @AfterEach
    void stop() {
        buses.close();
        timer.shutdownNow();
        bus.close();
    }

    /** notify-send with its output line-buffered (a pipe would hold its printed id until it exits). */
    private Process notifySend(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("stdbuf", "-oL", "notify-send"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
        return builder.start();
    }

    @Test
    void notifySendShowsANotificationAndHearsTheActionThePersonChose() throws Exception {
        Process send = notifySend("-p", "-a", "Mail", "-u", "critical", "-A", "open=Open", "-A", "later=Later",
                "New mail", "<b>Ada</b> wrote &amp; asked <i>twice</i>");
        BlockingQueue<String> printed = lines(send);
        String first = printed.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("notify-send's id").isNotNull();
        int id = Integer.parseInt(first.trim());

        Notification shown = center.find(id);
        assertThat(shown.app()).isEqualTo("Mail");
        assertThat(shown.summary()).isEqualTo("New mail");
        assertThat(shown.body()).isEqualTo("Ada wrote & asked twice");
        assertThat(shown.urgency()).isEqualTo(2);
        assertThat(shown.actions()).containsExactly(new Notification.Action("open", "Open"),
                new Notification.Action("later", "Later"));
        assertThat(center.showing()).extracting(Notification::id).containsExactly(id);

        center.invoke(id, "open");
        assertThat(printed.poll(30, TimeUnit.SECONDS)).isEqualTo("open"); // libnotify printed the action it was told of
        assertThat(send.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(center.showing()).isEmpty();
        assertThat(center.history(10)).extracting(Notification::id).containsExactly(id); // kept, closed
        assertThat(center.history(10).get(0).open()).isFalse();
        assertThatThrownBy(() -> center.invoke(id, "open")).hasMessageContaining("no open action");
    }

    /** What {@code process} prints, line by line, read on a thread of its own (a test never blocks on it). */
    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    @Test
    void closingSignalsReachClientsWithTheSpecsReasons() throws Exception {
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build()) {
            BlockingQueue<long[]> closed = new LinkedBlockingQueue<>();
            client.addSigHandler(FdoNotifications.NotificationClosed.class,
                    s -> closed.add(new long[] {s.id.longValue(), s.reason.longValue()}));
            FdoNotifications remote = client.getRemoteObject(FdoNotifications.NAME, FdoNotifications.PATH,
                    FdoNotifications.class);

            assertThat(remote.GetServerInformation().name).isEqualTo("CellShell");
            assertThat(remote.GetCapabilities()).contains("actions", "body-markup");

            int first = remote.Notify("Build", new org.freedesktop.dbus.types.UInt32(0), "", "Compiling", "", List.of(),
                    java.util.Map.of(), 0).intValue();
            int same = remote.Notify("Build", new org.freedesktop.dbus.types.UInt32(first), "", "Compiled", "2 s",
                    List.of(), java.util.Map.of(), 0).intValue();
            assertThat(same).isEqualTo(first); // replaces_id keeps the id and the place
            assertThat(center.showing()).extracting(Notification::summary).containsExactly("Compiled");

            remote.CloseNotification(new org.freedesktop.dbus.types.UInt32(first));
            assertThat(closed.poll(10, TimeUnit.SECONDS)).containsExactly(first, NotificationCenter.CLOSED_BY_CALL);

            int expiring = remote.Notify("Build", new org.freedesktop.dbus.types.UInt32(0), "", "Quick", "", List.of(),
                    java.util.Map.of(), 200).intValue();
            assertThat(closed.poll(10, TimeUnit.SECONDS)).containsExactly(expiring, NotificationCenter.EXPIRED);

            int dismissed = remote.Notify("Build", new org.freedesktop.dbus.types.UInt32(0), "", "Read me", "",
                    List.of(), java.util.Map.of(), 0).intValue();
            center.close(dismissed, NotificationCenter.DISMISSED);
            assertThat(closed.poll(10, TimeUnit.SECONDS)).containsExactly(dismissed, NotificationCenter.DISMISSED);
        }
    }

    @Test
    void doNotDisturbHoldsBackAllButCriticalPopupsAndKeepsTheHistory() throws Exception {
        center.setDoNotDisturb(60);
        assertThat(notifySend("-u", "low", "Quiet", "later").waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(notifySend("-u", "critical", "Battery", "5 % left").waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(center.showing()).extracting(Notification::summary).containsExactly("Battery");
        assertThat(center.history(10)).extracting(Notification::summary).containsExactly("Battery", "Quiet");
        assertThat(center.unread()).isEqualTo(2);
        center.setDoNotDisturb(0);
        assertThat(center.showing()).extracting(Notification::summary).containsExactly("Battery", "Quiet");
    }

    @Test
    void aSecondServerSaysWhoHasTheNameAndLeavesItAlone() throws Exception {
        Buses other = new Buses(bus.address(), null);
        try {
            NotificationServer second = new NotificationServer(new NotificationCenter(timer, System::currentTimeMillis));
            second.start(other);
            assertThat(second.unavailable()).startsWith("another notification server (:").contains(FdoNotifications.NAME);
            assertThat(notifySend("Still", "ours").waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(center.showing()).extracting(Notification::summary).containsExactly("Still");
        } finally {
            other.close();
        }
    }

    @Test
    void withoutASessionBusTheServerSaysSo() {
        NotificationServer alone = new NotificationServer(new NotificationCenter(timer, System::currentTimeMillis));
        alone.start(new Buses(null, null));
        assertThat(alone.unavailable()).contains("there is no session bus");
    }

    @Test
    void hostileNotificationsAreBounded() throws Exception {
        String huge = "x".repeat(100_000);
        List<String> actions = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            actions.add("k" + i);
            actions.add(huge);
        }
        int id = server.Notify(huge, new org.freedesktop.dbus.types.UInt32(12345), "", huge, "<img src=\"x\" alt=\""
                + huge + "\"/>&#0;&#x110000;<script>", actions, java.util.Map.of(), -5).intValue();
        Notification n = center.find(id);
        assertThat(n.summary().length()).isLessThanOrEqualTo(NotificationCenter.MAX_SUMMARY + 1);
        assertThat(n.body().length()).isLessThanOrEqualTo(NotificationCenter.MAX_BODY + 1);
        assertThat(n.body()).endsWith("…");
        assertThat(n.app().length()).isLessThanOrEqualTo(NotificationCenter.MAX_LABEL + 1);
        assertThat(n.actions()).hasSize(NotificationCenter.MAX_ACTIONS);
        assertThat(BodyMarkup.toPlain("a&#0;b&#x110000;c<script>&unknown;")).isEqualTo("a\uFFFDb\uFFFDc<script>&unknown;");
        for (int i = 0; i < NotificationCenter.HISTORY + 50; i++) {
            server.Notify("spam", new org.freedesktop.dbus.types.UInt32(0), "", "n" + i, "", List.of(),
                    java.util.Map.of(), 0);
        }
        assertThat(center.history(Integer.MAX_VALUE)).hasSize(NotificationCenter.HISTORY);
    }
}

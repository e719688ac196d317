package dev.cellshell.organelles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.organelles.bus.FakeProperties;
import dev.cellshell.organelles.bus.PrivateBus;
import dev.cellshell.organelles.media.MprisPlayer;
import dev.cellshell.organelles.media.MprisReader;
import dev.cellshell.organelles.network.NetworkManagerReader;
import dev.cellshell.organelles.power.UPowerReader;
import dev.cellshell.widgets.MediaPlayer;
import dev.cellshell.widgets.NetworkStatus;
import dev.cellshell.widgets.PowerStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UPower, NetworkManager and an MPRIS player, each a small fake service on a private bus (standing in for the
 * system bus and the session bus), read by the real readers; changes signalled as the real services do.
 */
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a hung bus or program fails, never stalls the build
class SystemReadersTest {

    private PrivateBus bus;
    private Buses buses;
    private DBusConnection service;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start();
        buses = new Buses(bus.address(), bus.address());
        service = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        buses.close();
        bus.close();
    }

    /** Waits for {@code value} to satisfy {@code test}, woken by the organelle's changes. */
    private static <T> T await(Changes changes, Supplier<T> value, java.util.function.Predicate<T> test)
            throws InterruptedException {
        Semaphore changed = new Semaphore(0);
        changes.listen(changed::release);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!test.test(value.get()) && System.nanoTime() < deadline) {
            changed.tryAcquire(200, TimeUnit.MILLISECONDS);
        }
        return value.get();
    }

    @Test
    void powerIsReadFromUPowerAndFollowsItsChanges() throws Exception {
        UPowerReader power = new UPowerReader();
        power.start(buses);
        PowerStatus none = await(power.changes(), power::status, s -> s.unavailable().contains("not running"));
        assertThat(none.unavailable()).contains("UPower is not running");

        FakeProperties daemon = new FakeProperties("/org/freedesktop/UPower").put("org.freedesktop.UPower",
                "OnBattery", new Variant<>(true)).exportOn(service);
        FakeProperties device = new FakeProperties("/org/freedesktop/UPower/devices/DisplayDevice")
                .put("org.freedesktop.UPower.Device", "Type", new Variant<>(new UInt32(2)))
                .put("org.freedesktop.UPower.Device", "IsPresent", new Variant<>(true))
                .put("org.freedesktop.UPower.Device", "Percentage", new Variant<>(42.5))
                .put("org.freedesktop.UPower.Device", "State", new Variant<>(new UInt32(2)))
                .put("org.freedesktop.UPower.Device", "TimeToEmpty", new Variant<>(5400L))
                .put("org.freedesktop.UPower.Device", "TimeToFull", new Variant<>(0L)).exportOn(service);
        service.requestBusName("org.freedesktop.UPower");
        PowerStatus on = await(power.changes(), power::status, s -> s.unavailable().isEmpty());
        assertThat(on).isEqualTo(new PowerStatus("", true, true, 42.5, "discharging", 5400, 0));

        daemon.change("org.freedesktop.UPower", "OnBattery", new Variant<>(false));
        device.change("org.freedesktop.UPower.Device", "State", new Variant<>(new UInt32(1)));
        assertThat(await(power.changes(), power::status, s -> s.state().equals("charging")).onBattery()).isFalse();
        power.close();
    }

    @Test
    void networkIsReadFromNetworkManagerWithTheWifiStrength() throws Exception {
        NetworkManagerReader network = new NetworkManagerReader();
        String nm = "org.freedesktop.NetworkManager";
        new FakeProperties("/org/freedesktop/NetworkManager").put(nm, "Connectivity", new Variant<>(new UInt32(4)))
                .put(nm, "PrimaryConnection", new Variant<>(new DBusPath("/org/freedesktop/NetworkManager/ActiveConnection/1")))
                .exportOn(service);
        new FakeProperties("/org/freedesktop/NetworkManager/ActiveConnection/1")
                .put(nm + ".Connection.Active", "Id", new Variant<>("Home Wi-Fi"))
                .put(nm + ".Connection.Active", "Type", new Variant<>("802-11-wireless"))
                .put(nm + ".Connection.Active", "Devices", new Variant<>(List.of(
                        new DBusPath("/org/freedesktop/NetworkManager/Devices/3")), "ao")).exportOn(service);
        new FakeProperties("/org/freedesktop/NetworkManager/Devices/3").put(nm + ".Device.Wireless",
                "ActiveAccessPoint", new Variant<>(new DBusPath("/org/freedesktop/NetworkManager/AccessPoint/7")))
                .exportOn(service);
        FakeProperties ap = new FakeProperties("/org/freedesktop/NetworkManager/AccessPoint/7")
                .put(nm + ".AccessPoint", "Strength", new Variant<>((byte) 73)).exportOn(service);
        service.requestBusName(nm);
        network.start(buses);
        NetworkStatus status = await(network.changes(), network::status, s -> s.unavailable().isEmpty());
        assertThat(status).isEqualTo(new NetworkStatus("", "full", "Home Wi-Fi", "wifi", 73));
        ap.change(nm + ".AccessPoint", "Strength", new Variant<>((byte) 31)); // its path is under the manager's
        assertThat(await(network.changes(), network::status, s -> s.wifiStrength() == 31).wifiStrength()).isEqualTo(31);
        network.close();
    }

    /** A media player: its properties and the controls, which change its status and say so. */
    static final class FakePlayer extends FakeProperties implements MprisPlayer {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        FakePlayer() {
            super("/org/mpris/MediaPlayer2");
        }

        @Override
        public void PlayPause() {
            calls.add("PlayPause");
            String now = Get("org.mpris.MediaPlayer2.Player", "PlaybackStatus");
            try {
                change("org.mpris.MediaPlayer2.Player", "PlaybackStatus",
                        new Variant<>(now.equals("Playing") ? "Paused" : "Playing"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void Next() {
            calls.add("Next");
        }

        @Override
        public void Previous() {
            calls.add("Previous");
        }
    }

    @Test
    void mediaPlayersAreListedAndControlled() throws Exception {
        MprisReader media = new MprisReader();
        media.start(buses);
        assertThat(await(media.changes(), media::unavailable, String::isEmpty)).isEmpty();
        assertThat(media.players()).isEmpty();

        FakePlayer player = new FakePlayer();
        player.put("org.mpris.MediaPlayer2", "Identity", new Variant<>("Test Player"))
                .put("org.mpris.MediaPlayer2.Player", "PlaybackStatus", new Variant<>("Playing"))
                .put("org.mpris.MediaPlayer2.Player", "Position", new Variant<>(1_000_000L))
                .put("org.mpris.MediaPlayer2.Player", "CanControl", new Variant<>(true))
                .put("org.mpris.MediaPlayer2.Player", "Metadata", new Variant<>(Map.of(
                        "xesam:title", new Variant<>("So What"),
                        "xesam:artist", new Variant<>(List.of("Miles Davis", "John Coltrane"), "as"),
                        "xesam:album", new Variant<>("Kind of Blue"),
                        "mpris:length", new Variant<>(545_000_000L)), "a{sv}"));
        player.exportOn(service);
        service.requestBusName("org.mpris.MediaPlayer2.testplayer");
        List<MediaPlayer> players = await(media.changes(), media::players, l -> !l.isEmpty());
        MediaPlayer p = players.get(0);
        assertThat(p.id()).isEqualTo("testplayer");
        assertThat(p.identity()).isEqualTo("Test Player");
        assertThat(p.title()).isEqualTo("So What");
        assertThat(p.artist()).isEqualTo("Miles Davis, John Coltrane");
        assertThat(p.album()).isEqualTo("Kind of Blue");
        assertThat(p.lengthMicros()).isEqualTo(545_000_000L);
        assertThat(p.positionMicros()).isGreaterThanOrEqualTo(1_000_000L);

        media.control("testplayer", "playPause");
        assertThat(await(media.changes(), media::players, l -> l.get(0).status().equals("Paused")).get(0).status())
                .isEqualTo("Paused");
        media.control("testplayer", "next");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!player.calls.contains("Next") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(player.calls).containsExactly("PlayPause", "Next");

        service.releaseBusName("org.mpris.MediaPlayer2.testplayer");
        assertThat(await(media.changes(), media::players, List::isEmpty)).isEmpty();
        media.close();
    }

    @Test
    void withoutABusEveryReaderSaysWhy() {
        Buses none = new Buses(null, "unix:path=/nonexistent/bus");
        UPowerReader power = new UPowerReader();
        power.start(none);
        assertThat(power.status().unavailable()).contains("cannot be reached");
        MprisReader media = new MprisReader();
        media.start(none);
        assertThat(media.unavailable()).contains("there is no session bus");
        assertThat(media.players()).isEmpty();
    }
}

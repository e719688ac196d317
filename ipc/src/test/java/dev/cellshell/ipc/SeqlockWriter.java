package dev.cellshell.ipc;

import java.nio.file.Path;

/** The writer half of {@link SceneRegionTest}'s two-JVM hammer: rewrites four slots as fast as it can. */
public final class SeqlockWriter {

    private SeqlockWriter() {
    }

    static int lengthOf(long stamp) {
        return 100 + (int) (stamp % 5_000);
    }

    public static void main(String[] args) throws Exception {
        long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        try (SceneRegion region = SceneRegion.attach(Path.of(args[0]))) {
            long stamp = 1;
            while (System.nanoTime() < until) {
                byte[] data = new byte[lengthOf(stamp)];
                java.util.Arrays.fill(data, (byte) stamp);
                region.write((int) (stamp % 4), stamp, data);
                stamp++;
            }
            System.out.println(stamp);
        }
    }
}

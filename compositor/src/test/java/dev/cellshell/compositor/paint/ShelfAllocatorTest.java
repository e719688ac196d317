package dev.cellshell.compositor.paint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShelfAllocatorTest {

    private static boolean overlap(ShelfAllocator.Slot a, ShelfAllocator.Slot b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }

    @Test
    void slotsNeverOverlapAndStayOnThePage() {
        ShelfAllocator page = new ShelfAllocator(1024, 1024);
        Random random = new Random(7);
        List<ShelfAllocator.Slot> live = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                page.free(live.remove(random.nextInt(live.size())));
            } else {
                page.allocate(1 + random.nextInt(200), 1 + random.nextInt(120)).ifPresent(live::add);
            }
        }
        for (int i = 0; i < live.size(); i++) {
            ShelfAllocator.Slot a = live.get(i);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(1024);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(1024);
            for (int j = i + 1; j < live.size(); j++) {
                assertThat(overlap(a, live.get(j))).as("%s overlaps %s", a, live.get(j)).isFalse();
            }
        }
        assertThat(page.usedArea()).isEqualTo(live.stream().mapToLong(ShelfAllocator.Slot::area).sum());
    }

    @Test
    void aThousandSmallCellsFitOnTwoPagesWorthOfArea() {
        ShelfAllocator page = new ShelfAllocator(1024, 1024);
        int placed = 0;
        while (page.allocate(122, 42).isPresent()) {
            placed++;
        }
        assertThat(placed).as("122x42 slots on a 1024 page: 8 per shelf, 24 shelves").isEqualTo(8 * 24);
    }

    @Test
    void freedSpaceIsReusedAndAnEmptiedPageIsEmpty() {
        ShelfAllocator page = new ShelfAllocator(256, 256);
        List<ShelfAllocator.Slot> slots = new ArrayList<>();
        for (ShelfAllocator.Slot s = page.allocate(64, 64).orElse(null); s != null;
                s = page.allocate(64, 64).orElse(null)) {
            slots.add(s);
        }
        assertThat(slots).hasSize(16);
        assertThat(page.allocate(64, 64)).isEmpty();
        page.free(slots.remove(5));
        assertThat(page.allocate(64, 64)).as("the freed slot").isPresent();
        slots.forEach(page::free);
        assertThat(page.usedArea()).isEqualTo(64 * 64);
    }

    @Test
    void tooLargeOrEmptyRequestsAreRefused() {
        ShelfAllocator page = new ShelfAllocator(100, 100);
        assertThat(page.allocate(101, 10)).isEmpty();
        assertThat(page.allocate(0, 10)).isEmpty();
        assertThat(page.allocate(100, 100)).isPresent();
    }
}

package org.neuroatlas.core.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap use for benchmarks, two ways: the sum of the heap pools' peaks (an upper bound of the true peak, which
 * can exceed -Xmx because the pools peak at different times), and the largest heap in use right after a garbage
 * collection (the live data a run needs: what must fit under -Xmx).
 */
final class HeapPeaks {

    private static final AtomicLong LIVE = new AtomicLong();

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long used = 0;
                        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += u.getUsed();
                        }
                        LIVE.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private HeapPeaks() {
    }

    /** Collects garbage and forgets earlier peaks. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        LIVE.set(0);
    }

    /** Sum of the heap pools' peaks since the last {@link #reset()}, bytes: an upper bound. */
    static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Largest heap in use just after a collection since the last {@link #reset()}, bytes (0 if none ran). */
    static long liveBytes() {
        return LIVE.get();
    }
}

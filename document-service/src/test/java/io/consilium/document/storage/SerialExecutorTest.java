package io.consilium.document.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunInSubmissionOrderOneAtATimeOnThePool() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(2000);
        for (int i = 0; i < 2000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                threads.add(Thread.currentThread().getName());
                ran.add(n);
                running.decrementAndGet();
                all.countDown();
            });
            if (i % 100 == 0) {
                Thread.sleep(1); // let it drain now and then, so it stops and restarts on the pool
            }
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
        assertThat(overlaps).hasValue(0);
        assertThat(threads).allMatch(name -> name.startsWith("pool-"));
    }

    @Test
    void twoSerialExecutorsOnOnePoolRunSideBySide() throws InterruptedException {
        SerialExecutor first = new SerialExecutor(pool);
        SerialExecutor second = new SerialExecutor(pool);
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(2);
        Runnable meet = () -> {
            bothStarted.countDown();
            try {
                if (bothStarted.await(5, TimeUnit.SECONDS)) {
                    done.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        first.execute(meet);
        second.execute(meet);
        assertThat(done.await(10, TimeUnit.SECONDS)).as("each ran while the other was running").isTrue();
    }
}

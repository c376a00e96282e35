package dev.kervan.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs an operation many times from several clients at once, after a warm-up, and measures each call.
 */
final class Load {

	private Load() {
	}

	/** Timings (nanoseconds) of {@code requests} calls spread over {@code clients}, and the seconds they took. */
	record Run(long[] nanos, double seconds) {
	}

	static Run run(int warmup, int requests, int clients, IntConsumer operation) {
		execute(warmup, clients, operation, new long[warmup]);
		long[] nanos = new long[requests];
		long start = System.nanoTime();
		execute(requests, clients, operation, nanos);
		return new Run(nanos, (System.nanoTime() - start) / 1e9);
	}

	private static void execute(int requests, int clients, IntConsumer operation, long[] nanos) {
		var next = new AtomicInteger();
		var failure = new AtomicReference<Throwable>();
		var done = new CountDownLatch(clients);
		try (var pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				pool.submit(() -> {
					try {
						for (int i = next.getAndIncrement(); i < requests && failure.get() == null; i = next.getAndIncrement()) {
							long start = System.nanoTime();
							operation.accept(i);
							nanos[i] = System.nanoTime() - start;
						}
					}
					catch (Throwable t) {
						failure.compareAndSet(null, t);
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A benchmark call failed", failure.get());
		}
	}
}

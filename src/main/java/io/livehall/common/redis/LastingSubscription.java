package io.livehall.common.redis;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * A Redis pub/sub subscription to one channel that lasts as long as the application: when it ends or fails (Redis
 * restarted, the connection dropped) it is renewed with backoff (200 ms doubling up to 10 s, for ever). Its owner
 * hears each message and each change of state: {@code onSubscribed} once Redis confirmed the SUBSCRIBE (again after
 * each renewal), {@code onEnded} when the subscription stops delivering; {@link #subscribed()} says which holds now.
 * <p>
 * {@link #start()} waits (at most {@value #READY_SECONDS} s) for the first confirmation, so that an owner started
 * by {@code SmartLifecycle.start()} misses nothing once the server takes requests. That wait is the one deliberate
 * {@code block()} in main code: {@code start()} runs on the thread that starts the application context, before
 * requests are taken, never on an event loop (BlockHound would say so). Past the wait it keeps trying in the
 * background.
 */
public final class LastingSubscription {

    static final int READY_SECONDS = 10;

    private static final Log log = LogFactory.getLog(LastingSubscription.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String what;
    private final ReactiveRedisMessageListenerContainer listener;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable onSubscribed;
    private final Runnable onEnded;
    private volatile boolean subscribed;
    private volatile Disposable listening;

    /**
     * @param what         who listens, for the logs (e.g. "Near caches")
     * @param onMessage    each message's text, in order, on a Redis thread: do little work
     * @param onSubscribed after Redis confirmed the subscription (before {@link #subscribed()} turns true)
     * @param onEnded      after the subscription stopped delivering ({@link #subscribed()} is already false)
     */
    public LastingSubscription(String what, ReactiveRedisMessageListenerContainer listener, String channel,
                               Consumer<String> onMessage, Runnable onSubscribed, Runnable onEnded) {
        this.what = what;
        this.listener = listener;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.onEnded = onEnded;
    }

    /** Only messages matter to the owner. */
    public LastingSubscription(String what, ReactiveRedisMessageListenerContainer listener, String channel,
                               Consumer<String> onMessage) {
        this(what, listener, channel, onMessage, () -> { }, () -> { });
    }

    /** Whether Redis confirmed the subscription and it has not ended since. */
    public boolean subscribed() {
        return subscribed;
    }

    /** Whether {@link #start()} was called and {@link #stop()} not since. */
    public boolean running() {
        return listening != null;
    }

    /** Subscribes, then waits for Redis to confirm it (see the class comment); never on an event loop. */
    public void start() {
        Sinks.Empty<Void> ready = Sinks.empty();
        // opening the pub/sub connection is synchronous in Lettuce: never on an event-loop thread
        listening = Mono.defer(() -> listener.receiveLater(ChannelTopic.of(channel)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(messages -> {
                    onSubscribed.run();
                    subscribed = true;
                    ready.tryEmitEmpty();
                    return messages;
                })
                .doOnTerminate(() -> {
                    subscribed = false;
                    onEnded.run();
                })
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        .doBeforeRetry(s -> log.warn(what + ": Redis subscription lost, renewing", s.failure())))
                .subscribe(message -> onMessage.accept(message.getMessage()),
                        e -> log.error(what + ": Redis subscription stopped", e));
        if (Schedulers.isInNonBlockingThread()) {
            // never wait on an event loop: the subscription then confirms in the background
            log.warn(what + ": started on a non-blocking thread; not waiting for Redis to confirm the subscription");
            return;
        }
        // the one wait of main code: on the context-starting thread (SmartLifecycle.start), before the server takes
        // requests, bounded by READY_SECONDS, so no event arrives unheard in the first moment after start
        ready.asMono().timeout(Duration.ofSeconds(READY_SECONDS))
                .doOnError(e -> log.warn(what + ": no Redis subscription yet; it keeps trying"))
                .onErrorResume(e -> Mono.empty())
                .block();
    }

    /** Unsubscribes; {@code onEnded} is not called. */
    public void stop() {
        subscribed = false;
        Disposable l = listening;
        if (l != null) {
            l.dispose();
        }
        listening = null;
    }
}

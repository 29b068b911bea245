package org.vbcsettle.api;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Binds the API and ties it to the actor system's coordinated shutdown: at service-unbind the port stops
 * taking connections, requests in flight get {@code vbc.http.shutdown-deadline} to finish.
 */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private HttpServer() {
    }

    public static CompletionStage<ServerBinding> start(ActorSystem<?> system, ApiContext ctx) {
        ApiSettings s = ctx.settings();
        CompletionStage<ServerBinding> bound = Http.get(system).newServerAt(s.host(), s.port())
                .bind(new ApiRoutes(ctx).route())
                .thenApply(b -> b.addToCoordinatedShutdown(s.shutdownDeadline(), system));
        return bound.whenComplete((b, err) -> {
            if (err != null) {
                log.error("HTTP API could not bind {}:{}: {}", s.host(), s.port(), err.getMessage());
                CoordinatedShutdown.get(system).run(CoordinatedShutdown.unknownReason());
            } else {
                InetSocketAddress a = b.localAddress();
                log.info("HTTP API listening on http://{}:{}", a.getHostString(), a.getPort());
            }
        });
    }

}

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The benchmark's yardstick for the gateway: the least a proxy on Vert.x can do — each request forwarded as it came
 * (method, URI, headers, body) to one upstream and the answer streamed back, with nothing checked, limited, logged or
 * measured. Run with the gateway's own jars on the class path:
 *
 * <p>java -cp 'api-gateway/target/quarkus-app/lib/main/*' api-gateway/bench/BareProxy.java PORT UPSTREAM_HOST UPSTREAM_PORT
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        vertx.deployVerticle(() -> new io.vertx.core.AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setMaxPoolSize(64));
                vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(request -> {
                    request.pause();
                    RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(upstreamHost)
                            .setPort(upstreamPort).setURI(request.uri());
                    request.headers().forEach(h -> {
                        if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("connection")) {
                            options.addHeader(h.getKey(), h.getValue());
                        }
                    });
                    client.request(options).compose(upstream -> upstream.send(request)).onSuccess(upstream -> {
                        request.response().setStatusCode(upstream.statusCode());
                        upstream.headers().forEach(h -> {
                            if (!h.getKey().equalsIgnoreCase("connection")
                                    && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                                request.response().putHeader(h.getKey(), h.getValue());
                            }
                        });
                        if (upstream.getHeader("content-length") == null) {
                            request.response().setChunked(true);
                        }
                        upstream.pipeTo(request.response());
                    }).onFailure(failure -> request.response().setStatusCode(502).end());
                }).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(loops));
    }
}

// The Temporal time-skipping test server, started at a fixed instant instead of the wall
// clock, so workflow tests that move its clock to 2040 pass whatever today's date is.
// Same arguments as io.temporal.testserver.TestServer (the TypeScript SDK starts it with
// `<port> [--enable-time-skipping]`); the first instant comes from HBC_TEST_SERVER_START_MS
// (default 2026-01-01T00:00:00Z). Compiled by src/temporal/test-server.ts with javac.
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;

public final class HbcTestServer {
  /** 2026-01-01T00:00:00Z: before every instant the tests move the clock to. */
  private static final long DEFAULT_START_MS = 1767225600000L;

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("Usage: HbcTestServer <port> [--enable-time-skipping]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean timeSkipping = args.length == 2 && args[1].equalsIgnoreCase("--enable-time-skipping");
    String start = System.getenv("HBC_TEST_SERVER_START_MS");
    long startMs = start == null || start.isEmpty() ? DEFAULT_START_MS : Long.parseLong(start);
    // As TestServer.createPortBoundServer does, with the start instant it does not expose.
    TestServicesStarter services = new TestServicesStarter(!timeSkipping, startMs);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      services.close();
    }));
    server.awaitTermination();
  }
}

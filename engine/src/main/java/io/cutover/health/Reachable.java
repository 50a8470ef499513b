package io.cutover.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Whether a server takes a connection: enough to tell "down" or "unreachable" without spending a request. */
final class Reachable {

    private static final int TIMEOUT_MILLIS = 2000;

    private Reachable() {
    }

    /** Null when the URL's server takes a connection; otherwise why not. */
    static String problem(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), TIMEOUT_MILLIS);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return url.getHost() + ":" + port + " " + e.getMessage();
        }
    }
}

package dev.ordersaga.infra;

import java.io.IOException;
import java.net.ServerSocket;

final class FreePorts {

    private FreePorts() {
    }

    static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

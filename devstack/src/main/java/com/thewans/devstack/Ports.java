package com.thewans.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/** Which ports are free, checked before anything starts so a clash never leaves half a stack. */
public final class Ports {

    /** A port the stack will listen on and what will listen there. */
    public record Claim(String name, int port) {
    }

    private Ports() {
    }

    /**
     * Throws with the name and number of the first port that is taken. The services bind every
     * interface and PostgreSQL and Redis bind the loopback one, so both must be free.
     */
    public static void requireFree(List<Claim> claims) {
        for (Claim claim : claims) {
            if (!isFree(claim.port())) {
                throw new DevstackException("port " + claim.port() + " (" + claim.name()
                        + ") is already in use; stop what holds it or start with another --port-offset");
            }
        }
    }

    public static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && !answers("127.0.0.1", port, 200);
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: connections in TIME_WAIT from a previous run do not block a listener
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections at host:port within the timeout. */
    public static boolean answers(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on right now (the kernel's pick); used for extra workers and in tests. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevstackException("could not find a free port: " + e.getMessage(), e);
        }
    }
}

package com.thewans.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP line to a provider that a test can cut, stall and restore. While it is cut, every
 * connection is dropped, the open ones too, as when the provider is down or the network to it is.
 * While it is stalled, connections are taken but nothing reaches the provider and nothing comes
 * back, as when it is too slow to answer. The provider itself, and what it already holds, stays as
 * it was.
 */
public final class ProviderLine {

    private final ServerSocket listener;
    private final int providerPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "provider-line");
        thread.setDaemon(true);
        return thread;
    });
    private enum State { OPEN, CUT, STALLED }

    private volatile State state = State.OPEN;

    private ProviderLine(int providerPort) {
        this.providerPort = providerPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pumps.execute(this::accept);
    }

    /** A line to the provider listening on this loopback port. */
    public static ProviderLine to(int providerPort) {
        return new ProviderLine(providerPort);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void cut() {
        state = State.CUT;
        dropOpenConnections();
    }

    public void stall() {
        state = State.STALLED;
        dropOpenConnections();
    }

    public void restore() {
        if (state != State.OPEN) {
            dropOpenConnections();
        }
        state = State.OPEN;
    }

    private void dropOpenConnections() {
        open.forEach(ProviderLine::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket caller;
            try {
                caller = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (state == State.CUT) {
                closeQuietly(caller);
                continue;
            }
            if (state == State.STALLED) {
                open.add(caller); // held, unanswered, until the line is restored or cut
                continue;
            }
            try {
                Socket provider = new Socket(InetAddress.getLoopbackAddress(), providerPort);
                open.add(caller);
                open.add(provider);
                pumps.execute(() -> pump(caller, provider));
                pumps.execute(() -> pump(provider, caller));
            } catch (IOException e) {
                closeQuietly(caller);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // the other side went away, or the line was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

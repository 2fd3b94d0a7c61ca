package com.thewans.notification.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers what a test tells it to (a 550 for the recipient, a 421 at the greeting,
 * silence), for the failures a real server like GreenMail will not produce on demand. It speaks just
 * enough SMTP for Angus Mail: greeting, EHLO, MAIL, RCPT, DATA, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server says: null at the greeting means it never says anything (a hung server). */
    record Script(String greeting, String rcptReply, String dataReply) {
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger delivered = new AtomicInteger();

    ScriptedSmtpServer(Script script) throws IOException {
        socket = new ServerSocket(0);
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread session = new Thread(() -> converse(client, script));
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int delivered() {
        return delivered.get();
    }

    private void converse(Socket client, Script script) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); PrintWriter out = new PrintWriter(client.getOutputStream(), true)) {
            if (script.greeting() == null) {
                in.readLine(); // say nothing: the client times out
                return;
            }
            reply(out, script.greeting());
            if (!script.greeting().startsWith("2")) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, script.rcptReply());
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message body
                        }
                        if (script.dataReply().startsWith("2")) {
                            delivered.incrementAndGet();
                        }
                        reply(out, script.dataReply());
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    // what RFC 5321 answers a command a server does not know (the client under test sends none)
                    default -> reply(out, "502 5.5.1 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

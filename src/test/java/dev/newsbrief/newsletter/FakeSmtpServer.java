package dev.newsbrief.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server on a ServerSocket, for what GreenMail cannot do: refuse one recipient
 * (GreenMail accepts every RCPT), answer 4xx, or hang up after the end of a message without
 * replying. One connection at a time, as the Mailer uses.
 */
final class FakeSmtpServer implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("<([^>]*)>");

    private final ServerSocket server;
    private final Thread acceptor;
    /** The reply to RCPT TO for an address and how many times it was asked before (0 the first time). */
    volatile RcptReply rcptReply = (address, asked) -> "250 2.1.5 OK";
    volatile Function<String, String> mailReply = from -> "250 2.1.0 OK";
    /** Hang up, without a reply, after the end of the message to this recipient. */
    volatile Predicate<String> hangUpAfterData = address -> false;
    final Map<String, Integer> rcptAsked = new ConcurrentHashMap<>();
    final Map<String, Integer> dataEnded = new ConcurrentHashMap<>();
    /** Envelope recipients of the messages accepted (250 after DATA), in order. */
    final List<String> accepted = Collections.synchronizedList(new ArrayList<>());

    @FunctionalInterface
    interface RcptReply {
        String reply(String address, int asked);
    }

    FakeSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(30_000);
                converse(socket);
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 fake.example.org ESMTP");
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 fake.example.org");
                case "MAIL" -> {
                    recipients.clear();
                    reply(out, mailReply.apply(path(line)));
                }
                case "RCPT" -> {
                    String address = path(line);
                    int asked = rcptAsked.merge(address, 1, Integer::sum) - 1;
                    String reply = rcptReply.reply(address, asked);
                    if (reply.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(out, reply);
                }
                case "DATA" -> {
                    if (recipients.isEmpty()) {
                        reply(out, "503 5.5.1 no valid recipients");
                        continue;
                    }
                    reply(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the message itself is not needed
                    }
                    String to = recipients.getFirst();
                    dataEnded.merge(to, 1, Integer::sum);
                    if (hangUpAfterData.test(to)) {
                        return;
                    }
                    accepted.add(to);
                    reply(out, "250 2.0.0 queued as " + accepted.size());
                }
                case "RSET" -> {
                    recipients.clear();
                    reply(out, "250 2.0.0 OK");
                }
                case "NOOP" -> reply(out, "250 2.0.0 OK");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static String path(String line) {
        Matcher matcher = PATH.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

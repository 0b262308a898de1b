package dev.newsbrief.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server for tests (GreenMail, in-process, on a free loopback port) and the environment that points newsbrief at it. */
public final class Smtp {
    private Smtp() { }

    /** A started GreenMail; stop it after the test. */
    public static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        server.start();
        return server;
    }

    /** The NEWSBRIEF_SMTP_* variables for {@code server}: plain SMTP on loopback, no login. */
    public static Map<String, String> environment(GreenMail server) {
        return Map.of("NEWSBRIEF_SMTP_HOST", "127.0.0.1", "NEWSBRIEF_SMTP_PORT", String.valueOf(server.getSmtp().getServerSetup().getPort()),
                "NEWSBRIEF_SMTP_SECURITY", "none");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.newsbrief.schedule;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT as a request to stop, not an exit: the scheduler's caller then closes it,
 * which lets the running build finish, and its {@code main} returns, so the process exits 0.
 * (With a shutdown hook alone the JVM would exit 143 after SIGTERM.) Uses {@code sun.misc.Signal}
 * (module jdk.unsupported) by reflection, which keeps the compiler's internal-API warning away.
 */
final class StopSignal {
    private StopSignal() { }

    /** Installs {@code onSignal} for TERM and INT; false if this JVM cannot (the caller then falls back to a shutdown hook). */
    static boolean install(Runnable onSignal) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(StopSignal.class.getClassLoader(), new Class<?>[] {handler}, (self, method, args) ->
                    switch (method.getName()) {
                        case "handle" -> {
                            onSignal.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        case "toString" -> "newsbrief stop signal handler";
                        default -> null;
                    });
            Method handle = signal.getMethod("handle", signal, handler);
            for (String name : new String[] {"TERM", "INT"}) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}

package dev.newsbrief.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz's {@code instanceId=AUTO} as newsbrief names nodes: {@code host-pid-startmillis}, so a
 * log line or a status row says which machine and process ran a build, and two nodes started
 * in the same millisecond on one machine still differ (Quartz's default is host and millis only).
 */
public final class NodeIdGenerator implements InstanceIdGenerator {

    @Override
    public String generateInstanceId() {
        return generate();
    }

    static String generate() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        // The millis make a restarted process a new instance, as Quartz's cluster bookkeeping expects.
        return host + "-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
    }
}

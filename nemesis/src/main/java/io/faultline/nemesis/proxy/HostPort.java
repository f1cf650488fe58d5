package io.faultline.nemesis.proxy;

import java.net.InetSocketAddress;

/** Parses and formats {@code host:port} addresses as the Toxiproxy API writes them. */
final class HostPort {

    private HostPort() {
    }

    /**
     * Parses {@code host:port} (also {@code [v6]:port} and {@code :port}, meaning 127.0.0.1).
     *
     * @throws IllegalArgumentException naming the field and the value when it is not host:port
     */
    static InetSocketAddress parse(String value, String field) {
        if (value == null) throw new IllegalArgumentException(field + " must be host:port, was null");
        int colon = value.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException(field + " must be host:port, was '" + value + "'");
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) host = "127.0.0.1";
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " has a bad port: '" + value + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException(field + " has a bad port: '" + value + "'");
        return new InetSocketAddress(host, port);
    }

    /** Formats an address as {@code ip:port}. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return host + ":" + address.getPort();
    }
}

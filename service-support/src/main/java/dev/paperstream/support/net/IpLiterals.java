package dev.paperstream.support.net;

import java.util.regex.Pattern;

/** Telling an IP address written out from a host name, without looking anything up. */
final class IpLiterals {
    // Java reads "127.1" and "2130706433" as IPv4 addresses too, as HTTP clients do: they are literals here
    private static final Pattern IPV4ISH = Pattern.compile("[0-9.]+");

    private IpLiterals() {
    }

    static boolean isLiteral(String host) {
        String h = unbracketed(host);
        return h.contains(":") || IPV4ISH.matcher(h).matches();
    }

    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

package dev.paperstream.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses an outgoing request must not reach unless allowed: this host, the local network, the cloud's
 * metadata service and the ranges that are never public. IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by that IPv4 address.
 */
final class InternalAddresses {
    private record Range(Cidr cidr, String what) {
    }

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", "the unspecified \"this host\" range"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address (the cloud metadata service answers at 169.254.169.254)"),
            range("10.0.0.0/8", "a private address"),
            range("172.16.0.0/12", "a private address"),
            range("192.168.0.0/16", "a private address"),
            range("100.64.0.0/10", "a carrier-grade NAT address"),
            range("192.0.0.0/24", "an IETF protocol address"),
            range("198.18.0.0/15", "a benchmarking network address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved or broadcast address"),
            range("::/128", "the unspecified address"),
            range("::1/128", "a loopback address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("fc00::/7", "a unique local (private) address"),
            range("ff00::/8", "a multicast address"));

    // built from bytes: Java reads "::ffff:0:0" as the IPv4 address 0.0.0.0
    private static final Cidr MAPPED = new Cidr(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
            0, 0, 0, 0}, 96, "::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private InternalAddresses() {
    }

    /** The IPv4 address an IPv6 one carries, or the address as it is. */
    static byte[] effective(byte[] address) {
        if (address.length == 16) {
            if (MAPPED.contains(address) || NAT64.contains(address)
                    || COMPATIBLE.contains(address) && !isUnspecifiedOrLoopback6(address)) {
                return Arrays.copyOfRange(address, 12, 16);
            }
            if (SIX_TO_FOUR.contains(address)) {
                return Arrays.copyOfRange(address, 2, 6);
            }
        }
        return address;
    }

    /** What kind of internal address this is ("a private address (10.0.0.0/8)"), or null for a public one. */
    static String describe(byte[] address) {
        byte[] judged = effective(address);
        for (Range r : RANGES) {
            if (r.cidr().contains(judged)) {
                return r.what() + " (" + r.cidr() + ")";
            }
        }
        return null;
    }

    // ::/96 holds IPv4-compatible addresses, but also :: and ::1, which are IPv6's own
    private static boolean isUnspecifiedOrLoopback6(byte[] address) {
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 0 || address[15] == 1;
    }

    private static Range range(String cidr, String what) {
        return new Range(Cidr.parse(cidr), what);
    }

    /** For messages: the address as text, IPv6 without the zone. */
    static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return Arrays.toString(address);
        }
    }
}

package org.marquee.kiosk;

import picocli.CommandLine;

/** {@code marquee kiosk --version}: the version in the jar's manifest ({@code dev} when run from classes). */
final class KioskVersion implements CommandLine.IVersionProvider {

    static String version() {
        String version = KioskVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Marquee kiosk " + version()};
    }
}

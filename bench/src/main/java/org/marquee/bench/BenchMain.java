package org.marquee.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/marquee-bench.jar holds|reads|events|soak ...}: load against a running sync server (issue 6). */
@Command(
        name = "marquee-bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            HoldLoad.class,
            AnchorLoad.class,
            SeatMapReads.class,
            EventLatency.class,
            OpenLoopHolds.class,
            Soak.class,
            ReportLoad.class
        },
        description = "Load generator for a running Marquee sync server. See docs/BENCHMARKS.md.")
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(commandLine().execute(args));
    }

    /** The command line with every bench as a subcommand. */
    static CommandLine commandLine() {
        return new CommandLine(new BenchMain());
    }
}

package dev.vmscope.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line: {@code info}, {@code vtop}, {@code rd}, {@code regs}, {@code map}, {@code ptdump},
 * {@code ptov}, {@code p2m}, {@code convert}, help and version. Output goes to {@code out}; every failure is one line {@code vmscope: …} on {@code err}
 * and an exit status: 0 success, 1 an address not mapped or not in the dump, 2 bad usage or an
 * unreadable or corrupt source.
 */
public final class Cli {
    /** Every command by its name, in the order the usage lists them. */
    private static final Map<String, Function<Streams, Object>> COMMANDS = commands();
    private static final Set<String> OTHER_FIRST_WORDS = Set.of("help", "--help", "-h", "--version");

    private Cli() {
    }

    /** Whether the command line belongs to the CLI rather than to the GUI. */
    public static boolean handles(String firstArg) {
        return firstArg != null && (COMMANDS.containsKey(firstArg) || OTHER_FIRST_WORDS.contains(firstArg));
    }

    private static Map<String, Function<Streams, Object>> commands() {
        Map<String, Function<Streams, Object>> m = new LinkedHashMap<>();
        m.put("info", InfoCommand::new);
        m.put("vtop", VtopCommand::new);
        m.put("rd", RdCommand::new);
        m.put("regs", RegsCommand::new);
        m.put("map", MapCommand::new);
        m.put("ptdump", PtdumpCommand::new);
        m.put("ptov", PtovCommand::new);
        m.put("p2m", P2mCommand::new);
        m.put("convert", ConvertCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Runs one command line on the process's own standard streams and returns its exit status. */
    public static int runOnConsole(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    /** Runs one command line and returns its exit status; reads {@code --from -} from standard input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs one command line with the given standard input. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Streams io = new Streams(in, out, err);
        PrintWriter errLine = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            CommandLine cl = commandLine(io, args);
            cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            cl.setErr(errLine);
            cl.setParameterExceptionHandler((ex, a) -> report(usage(ex), errLine, ex));
            cl.setExecutionExceptionHandler((ex, c, parsed) -> report(Failures.of(ex, source(c)), errLine, ex));
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            return report(Failures.of(e, null), errLine, e);
        }
    }

    /**
     * The command line for {@code args}: when the first word names a command, only that command is built —
     * picocli reads every command's annotations when it is added, which is most of a short command's
     * start-up — and otherwise all of them, for help, usage errors and suggestions.
     */
    private static CommandLine commandLine(Streams io, String[] args) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExpandAtFiles(false);
        Function<Streams, Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(only.apply(io));
        } else {
            COMMANDS.values().forEach(command -> cl.addSubcommand(command.apply(io)));
            cl.addSubcommand(new CommandLine.HelpCommand());
        }
        return cl;
    }

    private static Failures.Report usage(ParameterException ex) {
        String command = ex.getCommandLine().getCommandName();
        String help = command.equals("vmscope") ? "vmscope --help" : "vmscope help " + command;
        return new Failures.Report(CliFailure.USAGE, ex.getMessage() + " (" + help + " shows the usage)");
    }

    private static String source(CommandLine c) {
        return c.getCommand() instanceof SourceCommand s ? s.sourceName() : null;
    }

    private static int report(Failures.Report r, PrintWriter err, Throwable cause) {
        err.println("vmscope: " + r.line().replace('\n', ' '));
        err.flush();
        elf4j.Logger.instance().atDebug().log(cause, (Object) ("vmscope: " + r.line()));
        return r.status();
    }
}

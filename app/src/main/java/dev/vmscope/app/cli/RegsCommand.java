package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Command;

/**
 * {@code vmscope regs SOURCE [--cpu N]}: the registers of each CPU from every note that carries them
 * (NT_PRSTATUS, QEMU, XEN_CRASH_REGS), one block per CPU and note. Here {@code --cpu} chooses the CPU.
 */
@Command(name = "regs", mixinStandardHelpOptions = true,
        description = "Registers of each CPU (or of CPU N with --cpu N), from every note that carries them.")
final class RegsCommand extends SourceCommand {
    private static final int PER_ROW = 3;

    RegsCommand(Streams io) {
        super(io);
    }

    @Override
    Session open() {
        return options.openWithoutCpu();
    }

    @Override
    int run(Session session) {
        List<CpuState> states = new ArrayList<>(session.dump().cpus());
        states.sort(Comparator.comparingInt(CpuState::cpu));
        if (options.cpu != null) {
            int n = options.cpu;
            states.removeIf(s -> s.cpu() != n);
            if (states.isEmpty()) {
                int count = session.dump().cpuCount();
                throw CliFailure.usage("--cpu " + n + ": " + (count == 0 ? "the dump has no CPU notes"
                        : "the dump has CPUs 0 to " + (count - 1)) + " (" + session.dump().source() + ")");
            }
        }
        if (options.json) {
            try (Json j = io.json()) {
                json(states, j);
            }
        } else {
            PrintWriter w = io.text();
            text(states, w);
            io.finish(w);
        }
        return 0;
    }

    private static void json(List<CpuState> states, Json j) {
        j.startArray();
        for (CpuState s : states) {
            j.startObject().number("cpu", s.cpu()).string("source", s.source()).startObject("registers");
            for (Register r : s.registers()) {
                j.hex(r.name(), r.value());
            }
            j.endObject().endObject();
        }
        j.endArray();
    }

    private static void text(List<CpuState> states, PrintWriter w) {
        if (states.isEmpty()) {
            w.println("no CPU notes in this dump");
        }
        boolean first = true;
        for (CpuState s : states) {
            if (!first) {
                w.println();
            }
            first = false;
            w.println("CPU " + s.cpu() + " (" + s.source() + ")");
            Columns c = new Columns("  ");
            List<Register> regs = s.registers();
            for (int i = 0; i < regs.size(); i += PER_ROW) {
                List<String> cells = new ArrayList<>();
                for (Register r : regs.subList(i, Math.min(regs.size(), i + PER_ROW))) {
                    cells.add(r.name());
                    cells.add(Hex.of(r.value()));
                }
                c.row(cells.toArray(String[]::new));
            }
            c.print(w);
        }
    }
}

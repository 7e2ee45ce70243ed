package dev.vmscope.app.cli;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.FlagRegisters;
import dev.vmscope.core.notes.Register;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Command;

/**
 * {@code vmscope regs SOURCE [--cpu N]}: the registers of each CPU from every note that carries them
 * (NT_PRSTATUS, QEMU, XEN_CRASH_REGS), one block per CPU and note, then the flag and control registers
 * decoded bit by bit by the manuals' tables ({@code rflags 0x246 [PF ZF IF]}). Here {@code --cpu} chooses the CPU.
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
        return options.openWithoutCpu(progress);
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
                json(states, session.dump().architecture(), j);
            }
        } else {
            PrintWriter w = io.text();
            text(states, session.dump().architecture(), w);
            io.finish(w);
        }
        return 0;
    }

    private static void json(List<CpuState> states, Architecture arch, Json j) {
        j.startArray();
        for (CpuState s : states) {
            j.startObject().number("cpu", s.cpu()).string("source", s.source()).startObject("registers");
            for (Register r : s.registers()) {
                j.hex(r.name(), r.value());
            }
            j.endObject().startObject("decoded");
            for (Register r : s.registers()) {
                FlagRegisters.of(arch, r.name()).ifPresent(f -> j.strings(r.name(), f.words(r.value())));
            }
            j.endObject().endObject();
        }
        j.endArray();
    }

    private static void text(List<CpuState> states, Architecture arch, PrintWriter w) {
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
            for (Register r : regs) {
                FlagRegisters.of(arch, r.name()).ifPresent(f ->
                        w.println("  " + r.name() + " " + Hex.of(r.value()) + " [" + String.join(" ", f.words(r.value())) + "]"));
            }
        }
    }
}

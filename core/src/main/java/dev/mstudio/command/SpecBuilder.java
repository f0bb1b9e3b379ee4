package dev.mstudio.command;

import dev.mstudio.command.Declaration.Arg;
import dev.mstudio.command.Declaration.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares one command: its options and positionals with their types, converters, labels and help
 * text, and the {@link Slot} each value fills for completion. The {@link Declaration} it builds is
 * plain data, and declaring loads no picocli: the same declaration drives parsing (through
 * {@link CommandLines}), usage help and completion. (It concatenates strings without "+", whose
 * every new shape costs start-up time to link.)
 */
final class SpecBuilder {
    private final String name;
    private final String description;
    private final List<Arg> args = new ArrayList<>();
    private final List<SpecBuilder> subcommands = new ArrayList<>();
    private List<String> synopsis = List.of();
    private List<String> footer = List.of();

    SpecBuilder(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** An optional option with a free-text (or checked) value. */
    SpecBuilder text(String option, String label, Slot slot, Check check, String help) {
        return add(new Arg(option, label, "1", false, String.class, check, slot, help));
    }

    SpecBuilder text(String option, String label, Slot slot, String help) {
        return text(option, label, slot, null, help);
    }

    /** A required option with a free-text (or checked) value. */
    SpecBuilder required(String option, String label, Slot slot, Check check, String help) {
        return add(new Arg(option, label, "1", true, String.class, check, slot, help));
    }

    SpecBuilder number(String option, String label, int min, int max, String help) {
        return add(new Arg(option, label, "1", false, Integer.class, Check.range(option, min, max),
                Slot.NUMBER, help));
    }

    SpecBuilder duration(String option, String label, String help) {
        return add(new Arg(option, label, "1", false, Duration.class, Check.duration(option),
                Slot.of(Slot.Type.DURATION), help));
    }

    SpecBuilder flag(String option, String help) {
        return add(new Arg(option, null, "0", false, boolean.class, null, null, help));
    }

    /** A String positional; {@code arity} as picocli spells it ("1", "0..1", "1..*"). */
    SpecBuilder positional(String label, String arity, Slot slot, Check check, String help) {
        Class<?> type = arity.endsWith("*") ? List.class : String.class;
        return add(new Arg(null, label, arity, !arity.startsWith("0"), type, check, slot, help));
    }

    SpecBuilder positional(String label, String arity, Slot slot, String help) {
        return positional(label, arity, slot, null, help);
    }

    /** An optional whole-number positional from {@code min} to {@code max}. */
    SpecBuilder numberPositional(String label, int min, int max, String help) {
        return add(new Arg(null, label, "0..1", false, Integer.class, Check.range(label, min, max),
                Slot.NUMBER, help));
    }

    /** Replaces the generated synopsis (for commands with several forms), one form per line. */
    SpecBuilder synopsis(String... forms) {
        synopsis = List.of(forms);
        return this;
    }

    SpecBuilder footer(String... lines) {
        footer = List.of(lines);
        return this;
    }

    SpecBuilder subcommand(SpecBuilder subcommand) {
        subcommands.add(subcommand);
        return this;
    }

    Declaration build() {
        return build(null);
    }

    /**
     * The declaration, with a synopsis in the order the design writes it (positionals, then options:
     * "/import delete ID [--yes]") unless a custom one was given.
     */
    private Declaration build(String parent) {
        String qualified = parent == null ? name : String.join(" ", parent, name);
        List<Declaration> subs = new ArrayList<>();
        for (SpecBuilder sub : subcommands) {
            subs.add(sub.build(qualified));
        }
        List<String> forms = synopsis.isEmpty() ? List.of(synopsisOf(qualified)) : synopsis;
        return new Declaration(name, qualified, description, args, forms, footer, subs);
    }

    private String synopsisOf(String qualified) {
        StringBuilder text = new StringBuilder(qualified);
        for (Arg arg : args) {
            if (arg.positional()) {
                text.append(' ').append(arg.synopsis());
            }
        }
        for (Arg arg : args) {
            if (!arg.positional()) {
                text.append(' ').append(arg.synopsis());
            }
        }
        return text.toString();
    }

    private SpecBuilder add(Arg arg) {
        args.add(arg);
        return this;
    }
}

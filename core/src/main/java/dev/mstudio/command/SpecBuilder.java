package dev.mstudio.command;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Declares one command as a picocli {@link CommandSpec}: its options and positionals with their
 * types, converters, labels and help text, and the {@link Slot} each value fills for completion.
 * The same declaration drives parsing, usage help and completion.
 */
final class SpecBuilder {
    private final CommandSpec spec;
    private final Map<ArgSpec, Slot> slots;
    private final List<SpecBuilder> subcommands = new ArrayList<>();

    SpecBuilder(String name, String description, Map<ArgSpec, Slot> slots) {
        this.spec = CommandSpec.create().name(name);
        this.slots = slots;
        spec.usageMessage().description(description).sortOptions(false).sortSynopsis(false)
                .abbreviateSynopsis(false).width(100).adjustLineBreaksForWideCJKCharacters(false);
        spec.parser().separator(" ").collectErrors(true).expandAtFiles(false)
                .abbreviatedSubcommandsAllowed(true).overwrittenOptionsAllowed(false)
                .caseInsensitiveEnumValuesAllowed(true);
    }

    /** An optional option with a free-text (or converter-checked) value. */
    SpecBuilder text(String name, String label, Slot slot, ITypeConverter<String> converter, String help) {
        return add(OptionSpec.builder(name).paramLabel(label).type(String.class).arity("1")
                .converters(converter == null ? new ITypeConverter<?>[0] : new ITypeConverter<?>[] {converter})
                .description(help).build(), slot);
    }

    SpecBuilder text(String name, String label, Slot slot, String help) {
        return text(name, label, slot, null, help);
    }

    /** A required option with a free-text (or converter-checked) value. */
    SpecBuilder required(String name, String label, Slot slot, ITypeConverter<String> converter, String help) {
        OptionSpec.Builder option = OptionSpec.builder(name).paramLabel(label).type(String.class).arity("1")
                .required(true).description(help);
        if (converter != null) {
            option.converters(converter);
        }
        return add(option.build(), slot);
    }

    SpecBuilder number(String name, String label, int min, int max, String help) {
        return add(OptionSpec.builder(name).paramLabel(label).type(Integer.class).arity("1")
                .converters(Converters.range(name, min, max)).description(help).build(), Slot.NUMBER);
    }

    SpecBuilder duration(String name, String label, String help) {
        return add(OptionSpec.builder(name).paramLabel(label).type(Duration.class).arity("1")
                .converters(Converters.duration(name)).description(help).build(), Slot.of(Slot.Type.DURATION));
    }

    SpecBuilder flag(String name, String help) {
        return add(OptionSpec.builder(name).type(boolean.class).arity("0").description(help).build(), null);
    }

    /** A String positional; {@code arity} as picocli spells it ("1", "0..1", "1..*"). */
    SpecBuilder positional(String label, String arity, Slot slot, ITypeConverter<String> converter, String help) {
        boolean many = arity.endsWith("*");
        PositionalParamSpec.Builder positional = PositionalParamSpec.builder().paramLabel(label).arity(arity)
                .required(!arity.startsWith("0")).description(help).type(many ? List.class : String.class);
        if (many) {
            positional.auxiliaryTypes(String.class);
        }
        if (converter != null) {
            positional.converters(converter);
        }
        return add(positional.build(), slot);
    }

    SpecBuilder positional(String label, String arity, Slot slot, String help) {
        return positional(label, arity, slot, null, help);
    }

    /** An optional whole-number positional from {@code min} to {@code max}. */
    SpecBuilder numberPositional(String label, int min, int max, String help) {
        return add(PositionalParamSpec.builder().paramLabel(label).arity("0..1").type(Integer.class)
                .converters(Converters.range(label, min, max)).description(help).build(), Slot.NUMBER);
    }

    /** Replaces the generated synopsis (for commands with several forms), one form per line. */
    SpecBuilder synopsis(String... forms) {
        String[] lines = forms.clone();
        for (int i = 1; i < lines.length; i++) {
            lines[i] = " ".repeat("Usage: ".length()) + lines[i];
        }
        spec.usageMessage().customSynopsis(lines);
        return this;
    }

    SpecBuilder footer(String... lines) {
        spec.usageMessage().footer(lines);
        return this;
    }

    SpecBuilder subcommand(SpecBuilder subcommand) {
        subcommands.add(subcommand);
        return this;
    }

    CommandLine build() {
        return build(null);
    }

    /**
     * The picocli command line, with a synopsis in the order the design writes it (positionals,
     * then options: "/import delete ID [--yes]") unless a custom one was given.
     */
    private CommandLine build(String parent) {
        String qualified = parent == null ? spec.name() : parent + " " + spec.name();
        if (spec.usageMessage().customSynopsis().length == 0) {
            spec.usageMessage().customSynopsis(synopsisOf(qualified));
        }
        CommandLine line = new CommandLine(spec);
        for (SpecBuilder sub : subcommands) {
            line.addSubcommand(sub.spec.name(), sub.build(qualified));
        }
        line.setAbbreviatedSubcommandsAllowed(true);
        line.setExpandAtFiles(false);
        line.setOut(new PrintWriter(Writer.nullWriter()));
        line.setErr(new PrintWriter(Writer.nullWriter()));
        return line;
    }

    private String synopsisOf(String qualified) {
        StringBuilder synopsis = new StringBuilder(qualified);
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            String label = positional.paramLabel() + (positional.arity().max() > 1 ? "..." : "");
            synopsis.append(' ').append(positional.arity().min() > 0 ? label : "[" + label + "]");
        }
        for (OptionSpec option : spec.options()) {
            String word = option.longestName() + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
            synopsis.append(' ').append(option.required() ? word : "[" + word + "]");
        }
        return synopsis.toString();
    }

    private SpecBuilder add(ArgSpec arg, Slot slot) {
        if (arg instanceof OptionSpec option) {
            spec.addOption(option);
        } else {
            spec.addPositional((PositionalParamSpec) arg);
        }
        if (slot != null) {
            slots.put(arg, slot);
        }
        return this;
    }
}

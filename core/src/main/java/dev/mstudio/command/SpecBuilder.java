package dev.mstudio.command;

import dev.mstudio.command.Declaration.Arg;
import dev.mstudio.command.Declaration.Asker;
import dev.mstudio.command.Declaration.Check;
import dev.mstudio.command.Declaration.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Declares one command: its arguments (each a typed {@link Param}) with converters, labels and help
 * text, the {@link Slot} each value fills for completion, its policy (destructive, where allowed)
 * and the {@link Handler} that runs it. The {@link Declaration} it builds is plain data, and
 * declaring loads no picocli: the same declaration drives parsing (through {@link CommandLines}),
 * usage help, completion and the policy check. (It concatenates strings without "+", whose every
 * new shape costs start-up time to link.)
 */
final class SpecBuilder {
    private static final Set<Surface> ALL = EnumSet.allOf(Surface.class);
    private final String name;
    private final String description;
    private final List<Arg> args = new ArrayList<>();
    private final List<SpecBuilder> subcommands = new ArrayList<>();
    private List<String> synopsis = List.of();
    private List<String> footer = List.of();
    private Policy policy = Policy.EVERYWHERE;
    private Handler handler;

    SpecBuilder(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** An optional option with a free-text (or checked) value. */
    SpecBuilder text(Param<String> param, String label, Slot slot, Check check, String help) {
        return add(new Arg(param, param.key(), label, "1", false, String.class, check, slot, help, ALL));
    }

    SpecBuilder text(Param<String> param, String label, Slot slot, String help) {
        return text(param, label, slot, null, help);
    }

    /** A required option with a free-text (or checked) value. */
    SpecBuilder required(Param<String> param, String label, Slot slot, Check check, String help) {
        return add(new Arg(param, param.key(), label, "1", true, String.class, check, slot, help, ALL));
    }

    /** An option of one or more words (arity "1..*"), e.g. --data a.jsonl b.jsonl. */
    SpecBuilder texts(Param<List<String>> param, String label, Slot slot, boolean required, String help) {
        return add(new Arg(param, param.key(), label, "1..*", required, List.class, null, slot, help, ALL));
    }

    SpecBuilder number(Param<Integer> param, String label, int min, int max, String help) {
        return add(new Arg(param, param.key(), label, "1", false, Integer.class, Check.range(param.key(), min, max),
                Slot.NUMBER, help, ALL));
    }

    SpecBuilder duration(Param<Duration> param, String label, String help) {
        return add(new Arg(param, param.key(), label, "1", false, Duration.class, Check.duration(param.key()),
                Slot.of(Slot.Type.DURATION), help, ALL));
    }

    SpecBuilder flag(Param<Boolean> param, String help) {
        return add(new Arg(param, param.key(), null, "0", false, boolean.class, null, null, help, ALL));
    }

    /** A flag allowed only on {@code surface} (e.g. --follow, which streams: the REPL only). */
    SpecBuilder flag(Param<Boolean> param, Surface surface, String help) {
        flag(param, help);
        args.set(args.size() - 1, args.get(args.size() - 1).only(surface));
        return this;
    }

    /** A String positional; {@code arity} as picocli spells it ("1", "0..1"). */
    SpecBuilder positional(Param<String> param, String arity, Slot slot, Check check, String help) {
        return add(new Arg(param, null, param.key(), arity, !arity.startsWith("0"), String.class, check, slot, help,
                ALL));
    }

    SpecBuilder positional(Param<String> param, String arity, Slot slot, String help) {
        return positional(param, arity, slot, null, help);
    }

    /** A positional of any number of words ({@code arity} "0..*" or "1..*"). */
    SpecBuilder positionals(Param<List<String>> param, String arity, Slot slot, Check check, String help) {
        return add(new Arg(param, null, param.key(), arity, !arity.startsWith("0"), List.class, check, slot, help,
                ALL));
    }

    /** An optional whole-number positional from {@code min} to {@code max}. */
    SpecBuilder numberPositional(Param<Integer> param, int min, int max, String help) {
        return add(new Arg(param, null, param.key(), "0..1", false, Integer.class, Check.range(param.key(), min, max),
                Slot.NUMBER, help, ALL));
    }

    /** A job kind positional: imports, finetunes or deployments. */
    SpecBuilder kindPositional(Param<dev.mstudio.client.JobKind> param, String help) {
        return add(new Arg(param, null, param.key(), "1", true, dev.mstudio.client.JobKind.class,
                Check.kind(param.key()), Slot.of(Slot.Type.KIND), help, ALL));
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

    /** Destructive: only admins in Slack, and asked with {@code asker}'s question everywhere first. */
    SpecBuilder destructive(Asker asker) {
        policy = Policy.destructive(asker);
        return this;
    }

    /** Allowed on {@code surface} only. */
    SpecBuilder only(Surface surface) {
        policy = new Policy(policy.destructive(), EnumSet.of(surface), policy.asker());
        return this;
    }

    SpecBuilder handler(Handler runs) {
        handler = runs;
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
        return new Declaration(name, qualified, description, args, forms, footer, subs, policy, handler);
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

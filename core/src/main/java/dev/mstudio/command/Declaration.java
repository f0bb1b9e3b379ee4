package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One command as {@link Declarations} declares it, as plain data: its name, description, arguments
 * in order, usage forms, footer and subcommands. What needs only these (command names, /help's
 * overview, summaries, usage hints) reads them here; {@link CommandLines} turns a declaration into
 * the picocli command line that parses the command and renders its full usage, on first need.
 *
 * @param name        the command's own name: "/import", or "create" for a subcommand
 * @param qualified   the name as typed: "/import create"
 * @param description the one-line description
 * @param synopsis    the usage forms, one per line: the declared ones, else one generated from the
 *                    arguments in the order the design writes them (positionals, then options)
 */
record Declaration(String name, String qualified, String description, List<Arg> args, List<String> synopsis,
                   List<String> footer, List<Declaration> subcommands, Policy policy, Handler handler) {

    Declaration {
        args = List.copyOf(args);
        synopsis = List.copyOf(synopsis);
        footer = List.copyOf(footer);
        subcommands = List.copyOf(subcommands);
    }

    /** The path as the language names it: "import delete" for "/import delete". */
    String path() {
        return qualified.startsWith("/") ? qualified.substring(1) : qualified;
    }

    /** This declaration with {@code handler} bound (a front end binding its own). */
    Declaration bound(Handler newHandler) {
        return new Declaration(name, qualified, description, args, synopsis, footer, subcommands, policy, newHandler);
    }

    /** This declaration with the subcommand named {@code sub} replaced by {@code replacement}. */
    Declaration withSubcommand(Declaration replacement) {
        List<Declaration> subs = subcommands.stream()
                .map(sub -> sub.name.equals(replacement.name) ? replacement : sub).toList();
        return new Declaration(name, qualified, description, args, synopsis, footer, subs, policy, handler);
    }

    /** The declared argument {@code param} is, if this command declares it. */
    Optional<Arg> arg(Param<?> param) {
        for (Arg arg : args) {
            if (arg.param() == param) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    /**
     * Who may run a command, where, and how: {@code destructive} (creates, deletes, cancels: only
     * admins in Slack, and confirmed everywhere), the surfaces it is allowed on, and for a
     * destructive command how to ask before it runs ({@code asker}; null asks a generic question).
     */
    record Policy(boolean destructive, Set<Surface> surfaces, Asker asker) {
        static final Policy EVERYWHERE = new Policy(false, EnumSet.allOf(Surface.class), null);

        Policy {
            surfaces = Set.copyOf(surfaces);
        }

        static Policy only(Surface surface) {
            return new Policy(false, EnumSet.of(surface), null);
        }

        static Policy destructive(Asker asker) {
            return new Policy(true, EnumSet.allOf(Surface.class), asker);
        }

        boolean allowedIn(Surface surface) {
            return surfaces.contains(surface);
        }
    }

    /** The question a destructive command asks before it runs, e.g. naming the job it deletes. */
    @FunctionalInterface
    interface Asker {
        String question(Session session, Command command) throws Exception;
    }

    /**
     * One option (named "--status") or positional (option null) with its label, picocli arity ("0"
     * for a flag, "1", "0..1", "0..*"), value type, how its value is checked (null: not at all),
     * the {@link Slot} it fills for completion (null for none) and its help text.
     */
    record Arg(Param<?> param, String option, String label, String arity, boolean required, Class<?> type,
               Check check, Slot slot, String help, Set<Surface> surfaces) {

        Arg {
            surfaces = Set.copyOf(surfaces);
        }

        /** This argument allowed only on {@code surface} (e.g. --follow: the REPL). */
        Arg only(Surface surface) {
            return new Arg(param, option, label, arity, required, type, check, slot, help, EnumSet.of(surface));
        }

        boolean positional() {
            return option == null;
        }

        /** A positional that takes any number of values ("0..*"). */
        boolean many() {
            return arity.endsWith("*");
        }

        /**
         * How a generated synopsis writes it: "ID", "[ID...]", "[N]", "--base MODEL", "[--yes]".
         * (Built without "+": each new shape of string concatenation costs start-up time.)
         */
        String synopsis() {
            StringBuilder word = new StringBuilder(positional() ? label : option);
            if (positional() && many()) {
                word.append("...");
            } else if (!positional() && !arity.equals("0")) {
                word.append(' ').append(label);
            }
            return required ? word.toString() : word.insert(0, '[').append(']').toString();
        }
    }

    /**
     * Which of {@link Converters} checks a value as it is parsed, with what it needs: the job kind
     * of a status, the option or label named in a range's or a duration's messages, a range's bounds.
     * A recipe, not a converter: {@link CommandLines} makes the converter when it builds the parser.
     */
    record Check(Kind kind, JobKind jobKind, String what, int min, int max) {
        enum Kind { STATUS, WEIGHT, OUTPUT, REGION, RANGE, DURATION, LENGTH, KIND, CHOICE, DISTINCT }

        static final Check WEIGHT = new Check(Kind.WEIGHT, null, null, 0, 0);
        static final Check OUTPUT = new Check(Kind.OUTPUT, null, null, 0, 0);
        static final Check REGION = new Check(Kind.REGION, null, null, 0, 0);

        static Check status(JobKind kind) {
            return new Check(Kind.STATUS, kind, null, 0, 0);
        }

        static Check range(String what, int min, int max) {
            return new Check(Kind.RANGE, null, what, min, max);
        }

        static Check duration(String what) {
            return new Check(Kind.DURATION, null, what, 0, 0);
        }

        /** Free text of at most {@code max} characters. */
        static Check length(String what, int max) {
            return new Check(Kind.LENGTH, null, what, 0, max);
        }

        /** A job kind word: imports, finetunes, deployments (any unique prefix, singular too). */
        static Check kind(String what) {
            return new Check(Kind.KIND, null, what, 0, 0);
        }

        /** One of the words in {@code what} separated by "|", or a unique prefix of one. */
        static Check choice(String what) {
            return new Check(Kind.CHOICE, null, what, 0, 0);
        }

        /** A repeatable positional: repeats collapse, and at most {@code max} different values. */
        static Check distinct(String what, int max) {
            return new Check(Kind.DISTINCT, null, what, 1, max);
        }
    }

    /** The usage forms on one line, separated by " | ": "/set output table|json | /set region R". */
    String synopsisLine() {
        StringBuilder line = new StringBuilder();
        for (String form : synopsis) {
            line.append(line.length() == 0 ? "" : " | ").append(form.strip());
        }
        return line.toString();
    }

    /** "Usage: /imports [--status S] ..." on one line, the hint under a problem with this command. */
    String usage() {
        return "Usage: " + synopsisLine();
    }

    /** True when the command, typed alone, is complete: no subcommand to choose, nothing required. */
    boolean runsBare() {
        if (!subcommands.isEmpty()) {
            return false;
        }
        for (Arg arg : args) {
            if (arg.required()) {
                return false;
            }
        }
        return true;
    }

    boolean hasPositionals() {
        for (Arg arg : args) {
            if (arg.positional()) {
                return true;
            }
        }
        return false;
    }

    Optional<Declaration> subcommand(String subcommandName) {
        for (Declaration sub : subcommands) {
            if (sub.name.equals(subcommandName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }
}

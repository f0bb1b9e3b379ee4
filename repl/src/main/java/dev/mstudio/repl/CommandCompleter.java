package dev.mstudio.repl;

import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Session;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: whatever the command language offers for the line up to the cursor (commands,
 * options, values, job IDs from the local index), with its description for the list a second Tab
 * shows. Core never makes a request here, so typing is never held up by the network.
 */
final class CommandCompleter implements Completer {
    private final CommandLanguage language;
    private final Session session;

    CommandCompleter(CommandLanguage language, Session session) {
        this.language = language;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<dev.mstudio.command.Candidate> offered;
        try {
            offered = language.complete(session, line.line(), line.cursor());
        } catch (RuntimeException e) {
            return;
        }
        for (dev.mstudio.command.Candidate candidate : offered) {
            String description = candidate.description() == null || candidate.description().isBlank()
                    ? null : Text.oneLine(candidate.description());
            candidates.add(new Candidate(candidate.value(), candidate.value(), null, description,
                    null, null, candidate.complete()));
        }
    }
}

package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import dev.mstudio.paging.JobQuery;
import dev.mstudio.paging.Listing;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * /imports, /finetunes, and /next and /prev through the listing last shown: the session's own, or
 * the one its {@link ListingMemory} recalls (shown perhaps by another process), shown again first.
 */
final class ListCommands {

    Result list(Session session, Command invocation, JobKind kind) throws IOException {
        Listing listing = session.jobs().listing(query(invocation, kind));
        shown(session, listing, invocation);
        return JobViews.table(listing, invocation);
    }

    Result next(Session session, Command invocation, Context context) throws IOException {
        Optional<Listing> shown = lastShown(session, invocation);
        if (shown.isEmpty()) {
            return nothingShown(invocation);
        }
        Listing listing = shown.get();
        if (!listing.hasNext()) {
            return edge("Already on the last page (" + listing.pageNo() + " of " + listing.pageCount() + ").");
        }
        try {
            listing.next();
        } catch (NoSuchElementException e) {
            return edge("Already on the last page (" + listing.pageCount() + " of " + listing.pageCount() + ").");
        }
        shown(session, listing, invocation);
        return JobViews.table(listing, invocation);
    }

    Result prev(Session session, Command invocation, Context context) throws IOException {
        Optional<Listing> shown = lastShown(session, invocation);
        if (shown.isEmpty()) {
            return nothingShown(invocation);
        }
        Listing listing = shown.get();
        if (!listing.hasPrevious()) {
            return edge("Already on the first page (1 of " + listing.pageCount() + ").");
        }
        try {
            listing.prev();
        } catch (NoSuchElementException e) {
            return edge("Already on the first page (1 of " + listing.pageCount() + ").");
        }
        shown(session, listing, invocation);
        return JobViews.table(listing, invocation);
    }

    private static JobQuery query(Command listing, JobKind kind) {
        return new JobQuery(kind, listing.get(Declarations.STATUS), listing.get(Declarations.MODEL),
                listing.get(Declarations.PAGE, 1), listing.get(Declarations.SIZE, JobQuery.DEFAULT_PAGE_SIZE));
    }

    /** Keeps the listing in the session, and its command line in the session's memory if it has one. */
    private static void shown(Session session, Listing listing, Command asked) {
        session.listing(listing);
        session.listingMemory().ifPresent(memory -> memory.remember(JobViews.command(listing.query(), asked).canonical()));
    }

    /** The listing shown last: the session's own, or the remembered command's page loaded again. */
    private static Optional<Listing> lastShown(Session session, Command invocation) throws IOException {
        Optional<ListingMemory> memory = session.listingMemory();
        if (memory.isEmpty()) {
            return session.listing();
        }
        Optional<Command> remembered = memory.get().recall().flatMap(line -> parse(invocation, line));
        Optional<JobKind> kind = remembered.flatMap(ListCommands::kindListed);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(session.jobs().listing(query(remembered.get(), kind.get())));
    }

    /** A remembered line that no longer parses (a release changed the language) is forgotten. */
    private static Optional<Command> parse(Command invocation, String line) {
        try {
            return Optional.of(new Parser(invocation.grammar()).parse(line));
        } catch (Rejected rejected) {
            return Optional.empty();
        }
    }

    private static Optional<JobKind> kindListed(Command command) {
        for (JobKind kind : JobKind.values()) {
            if (kind.plural().equals(command.path())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Result edge(String text) {
        return new Result.Message(Result.Level.INFO, text, 0, null);
    }

    private static Result nothingShown(Command invocation) {
        String slash = invocation.slash() ? "/" : "";
        return Result.Failure.of("There is no listing to page through yet.",
                "Run " + slash + "imports or " + slash + "finetunes first, then " + slash + "next and " + slash + "prev.");
    }
}

package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import dev.mstudio.paging.JobQuery;
import dev.mstudio.paging.Listing;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Optional;

/** /imports, /finetunes, and /next and /prev through the listing last shown. */
final class ListCommands {

    Result list(Session session, Command invocation, JobKind kind) throws IOException {
        JobQuery query = new JobQuery(kind, invocation.get(Declarations.STATUS), invocation.get(Declarations.MODEL),
                invocation.get(Declarations.PAGE, 1), invocation.get(Declarations.SIZE, JobQuery.DEFAULT_PAGE_SIZE));
        Listing listing = session.jobs().listing(query);
        session.listing(listing);
        return JobViews.table(listing, invocation);
    }

    Result next(Session session, Command invocation, Context context) throws IOException {
        Optional<Listing> shown = session.listing();
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
        return JobViews.table(listing, invocation);
    }

    Result prev(Session session, Command invocation, Context context) throws IOException {
        Optional<Listing> shown = session.listing();
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
        return JobViews.table(listing, invocation);
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

package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.sql.SQLException;

/** Opens a store: checks the URL, prepares an SQLite file's directory, connects, migrates. */
final class StoreOpener {

    private StoreOpener() {
    }

    static Db open(String url) {
        String redacted = StoreUrls.redact(url);
        Db.Vendor vendor = StoreUrls.vendor(url);
        if (vendor == null) {
            throw new StoreException("cannot open the bot store " + redacted + ": unsupported database; set "
                    + BotStore.ENV_DB + " to jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB", null);
        }
        Db db = null;
        try {
            StoreUrls.createParentDirs(url);
            db = Db.connect(url, vendor);
            Migrations.apply(db);
            return db;
        } catch (SQLException | IOException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw new StoreException("cannot open the bot store " + redacted + ": " + e.getMessage(), e);
        }
    }
}

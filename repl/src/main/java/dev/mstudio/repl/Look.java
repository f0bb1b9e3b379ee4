package dev.mstudio.repl;

import dev.mstudio.command.Result.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * How output looks where it goes: colours or none, the width to fit (0 = unlimited, e.g. a pipe),
 * and how times read. Also turns one typed cell into plain text.
 */
record Look(Palette palette, IntSupplier width, TimeText time) {

    /** Columns available now; {@link Integer#MAX_VALUE} when unlimited. */
    int columns() {
        int columns = width.getAsInt();
        return columns <= 0 ? Integer.MAX_VALUE : columns;
    }

    /** A cell as plain one-line text: relative times in tables, absolute and relative in details. */
    String plain(Object value, ValueType type, boolean detail) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return detail ? time.absoluteAndRelative(instant) : time.relative(instant);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
        }
        String text = String.valueOf(value);
        return detail ? Text.printable(text) : Text.oneLine(text);
    }

    /** Plain text styled for its type (statuses coloured). */
    String styled(String plain, ValueType type) {
        if ("-".equals(plain)) {
            return plain;
        }
        return switch (type) {
            case STATUS -> palette.status(plain);
            case DEPLOYMENT_STATUS -> palette.deploymentStatus(plain);
            default -> plain;
        };
    }
}

package dev.mstudio.slackbot.notify;

import dev.mstudio.training.TrainingLogParser;
import java.awt.Font;
import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@code ImageIT} on the container image's runtime: draws a loss chart (fonts, fontconfig, AWT's native
 * libraries) into {@code args[0]}, then writes into {@code args[1]} the default charset, the file of the font
 * drawn with (needs {@code --add-opens java.desktop/sun.font=ALL-UNNAMED}) and this JVM's memory map.
 */
public final class ChartProbe {
    private ChartProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] png = ChartPng.render("Training loss of fine-tune job ft-probe", TrainingLogParser.parse(List.of(
                "{'train_loss': 1.2, 'step': 1}", "{'train_loss': 0.8, 'step': 2}", "{'eval_loss': 0.9, 'step': 2}")));
        Files.write(Path.of(args[0]), png);
        Files.writeString(Path.of(args[1]), "charset " + Charset.defaultCharset() + "\n" + "font " + fontFile() + "\n"
                + Files.readString(Path.of("/proc/self/maps")));
    }

    /** The file of the first physical font behind the logical font SansSerif, which charts are drawn with. */
    private static String fontFile() throws ReflectiveOperationException {
        Object composite = Class.forName("sun.font.FontUtilities").getMethod("getFont2D", Font.class)
                .invoke(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Object physical = composite.getClass().getMethod("getSlotFont", int.class).invoke(composite, 0);
        Field file = Class.forName("sun.font.PhysicalFont").getDeclaredField("platName");
        file.setAccessible(true);
        return (String) file.get(physical);
    }
}

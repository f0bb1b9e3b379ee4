package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.command.Result;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingPoint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRendererTest {

    private static List<String> render(int width, Palette palette, TrainingCurve curve) {
        Look look = new Look(palette, () -> width, new TimeText(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                ZoneOffset.UTC));
        return new ChartRenderer(look).render(new Result.Chart("Training loss of fine-tune job ft-1", curve,
                List.of("last train loss 0.5000 at step 100"), null));
    }

    private static TrainingCurve decay() {
        List<TrainingPoint> points = new ArrayList<>();
        for (int step = 0; step <= 100; step += 10) {
            Double eval = step % 50 == 0 && step > 0 ? 0.5 + 1.0 / (step / 10.0 + 1) + 0.05 : null;
            points.add(new TrainingPoint(step, null, 0.5 + 1.0 / (step / 10.0 + 1), eval, null));
        }
        return new TrainingCurve(points, true);
    }

    @Test
    void render_fitsEveryWidth_withAxisLabelsAndTheSummary() {
        for (int width : List.of(40, 80, 120, 200)) {
            List<String> lines = render(width, Palette.PLAIN, decay());

            assertThat(lines).as("width " + width).hasSize(1 + ChartRenderer.HEIGHT + 1 + 1 + 1);
            assertThat(lines.get(0)).isEqualTo("Training loss of fine-tune job ft-1");
            assertThat(lines.get(1)).startsWith("  1.500 ┤");
            assertThat(lines.get(ChartRenderer.HEIGHT)).startsWith("  0.591 ┤");
            assertThat(lines.subList(1, 1 + ChartRenderer.HEIGHT)).as("one column spare, so no line wraps")
                    .allSatisfy(line -> assertThat(Text.width(line)).isEqualTo(width - 1));
            assertThat(lines.get(ChartRenderer.HEIGHT + 1)).startsWith("         step 0").endsWith("100");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("  last train loss 0.5000 at step 100");
        }
    }

    @Test
    void render_drawsTheCurveFromTopLeftToBottomRight_andMarksEvaluations() {
        List<String> rows = render(40, Palette.PLAIN, decay()).subList(1, 1 + ChartRenderer.HEIGHT);

        assertThat(rows.get(0).charAt(9)).as("the first point, highest loss, top left").isBetween('\u2801', '\u28FF');
        assertThat(rows.get(0).substring(11).trim()).as("nothing else that high").isEmpty();
        String bottom = rows.get(ChartRenderer.HEIGHT - 1);
        assertThat(bottom.charAt(bottom.length() - 1)).as("the last point at the bottom right").isNotEqualTo(' ');
        assertThat(bottom.substring(9, 20).trim()).as("the low end is reached late, not early").isEmpty();
        assertThat(String.join("\n", rows)).contains("×");
        assertThat(String.join("", rows).chars().filter(c -> c == '×').count()).isEqualTo(2);
    }

    @Test
    void render_inColour_paintsTheCurve_andPlainHasNoEscapes() {
        assertThat(String.join("\n", render(60, Palette.COLOUR, decay()))).contains("\033[33m");
        assertThat(String.join("\n", render(60, Palette.PLAIN, decay()))).doesNotContain("\033");
    }

    @Test
    void render_nanAndFlatCurves_drawWithoutFailing() {
        TrainingCurve flat = new TrainingCurve(List.of(new TrainingPoint(5, null, 1.0, null, null),
                new TrainingPoint(6, null, Double.NaN, null, null), new TrainingPoint(7, null, 1.0, null, null)), false);

        List<String> lines = render(50, Palette.PLAIN, flat);

        assertThat(lines).hasSize(1 + ChartRenderer.HEIGHT + 1 + 1 + 1);
    }
}

package dev.mstudio.slackbot.notify;

import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingPoint;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A training curve as a PNG (JFreeChart, headless): train loss as a line, validation loss as marked points. */
final class ChartPng {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartPng() {
    }

    /** The name a job's chart is uploaded under, e.g. {@code loss-ft-202410291653-1c7f.png}. */
    static String filename(String jobId) {
        return jobId == null || jobId.isBlank() ? "loss.png" : "loss-" + jobId + ".png";
    }

    /** The PNG bytes, or null when the curve has no finite loss to draw. */
    static byte[] render(String title, TrainingCurve curve) {
        XYSeries train = new XYSeries("train loss");
        XYSeries eval = new XYSeries("validation loss");
        for (TrainingPoint point : curve.points()) {
            if (point.trainLoss() != null && Double.isFinite(point.trainLoss())) {
                train.add(point.step(), point.trainLoss());
            }
            if (point.evalLoss() != null && Double.isFinite(point.evalLoss())) {
                eval.add(point.step(), point.evalLoss());
            }
        }
        if (train.isEmpty() && eval.isEmpty()) {
            return null;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(eval);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", "loss", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(1, true);
        plot.setRenderer(renderer);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}

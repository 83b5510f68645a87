package io.audience.console.web;

import java.util.List;

/**
 * The dashboard's chart, laid out ({@link DailyChart}): the plot's corners in SVG units, the
 * series as polyline points, the axis ticks, and the per-day numbers for the table beside it
 * (newest first).
 */
public record ChartView(
        int width,
        int height,
        int left,
        int top,
        int right,
        int bottom,
        String firstDay,
        String lastDay,
        List<Series> series,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<Day> days) {

    /** One line: its name in the legend, the CSS class that draws it, its points and its 90-day total. */
    public record Series(String name, String key, String points, int total) {}

    /** A tick at {@code position} (x or y, in SVG units) with its label. */
    public record Tick(String position, String label) {}

    public record Day(String date, int signUps, int optOuts, int deletions) {}
}

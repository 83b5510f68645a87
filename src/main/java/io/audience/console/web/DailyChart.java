package io.audience.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out the dashboard's chart of sign-ups, opt-outs and deletions per day: the geometry is
 * computed here, so the template only draws it as SVG (no chart library, nothing in the browser).
 */
final class DailyChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private DailyChart() {}

    /** The {@code days} days that end with {@code last}; a day missing from a map counts zero. */
    static ChartView of(
            LocalDate last,
            int days,
            Map<LocalDate, Integer> signUps,
            Map<LocalDate, Integer> optOuts,
            Map<LocalDate, Integer> deletions) {
        LocalDate first = last.minusDays(days - 1L);
        List<ChartView.Day> rows = new ArrayList<>();
        int max = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            ChartView.Day row = new ChartView.Day(
                    day.toString(),
                    signUps.getOrDefault(day, 0),
                    optOuts.getOrDefault(day, 0),
                    deletions.getOrDefault(day, 0));
            rows.add(row);
            max = Math.max(max, Math.max(row.signUps(), Math.max(row.optOuts(), row.deletions())));
        }
        int top = niceTop(max);
        List<ChartView.Series> series = List.of(
                series("Sign-ups", "sign-ups", rows, top, 0),
                series("Opt-outs", "opt-outs", rows, top, 1),
                series("Deletions", "deletions", rows, top, 2));
        return new ChartView(
                WIDTH,
                HEIGHT,
                LEFT,
                TOP,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                first.toString(),
                last.toString(),
                series,
                xTicks(first, days),
                yTicks(top),
                newestFirst(rows));
    }

    private static List<ChartView.Day> newestFirst(List<ChartView.Day> rows) {
        List<ChartView.Day> copy = new ArrayList<>(rows);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }

    /** The axis's top: the maximum rounded up to 1, 2 or 5 times a power of ten (at least 4). */
    static int niceTop(int max) {
        if (max <= 4) {
            return 4;
        }
        int power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (int step : new int[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static ChartView.Series series(String name, String key, List<ChartView.Day> rows, int top, int which) {
        StringBuilder points = new StringBuilder();
        int total = 0;
        for (int i = 0; i < rows.size(); i++) {
            ChartView.Day row = rows.get(i);
            int value = which == 0 ? row.signUps() : which == 1 ? row.optOuts() : row.deletions();
            total += value;
            if (i > 0) {
                points.append(' ');
            }
            points.append(format(x(i, rows.size()))).append(',').append(format(y(value, top)));
        }
        return new ChartView.Series(name, key, points.toString(), total);
    }

    /** A date every 15 days from the first, and the last day. */
    private static List<ChartView.Tick> xTicks(LocalDate first, int days) {
        List<ChartView.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < days - 7; i += 15) {
            ticks.add(new ChartView.Tick(format(x(i, days)), first.plusDays(i).format(SHORT)));
        }
        ticks.add(new ChartView.Tick(
                format(x(days - 1, days)), first.plusDays(days - 1L).format(SHORT)));
        return ticks;
    }

    /** Five lines: 0, a quarter, half, three quarters and the top, labelled with whole counts. */
    private static List<ChartView.Tick> yTicks(int top) {
        List<ChartView.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4.0;
            String label = value == Math.rint(value) ? Integer.toString((int) value) : "";
            ticks.add(new ChartView.Tick(format(y(value, top)), label));
        }
        return ticks;
    }

    private static double x(int index, int days) {
        double width = WIDTH - LEFT - RIGHT;
        return days == 1 ? LEFT + width / 2 : LEFT + width * index / (days - 1);
    }

    private static double y(double value, int top) {
        double height = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - height * value / top;
    }

    private static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}

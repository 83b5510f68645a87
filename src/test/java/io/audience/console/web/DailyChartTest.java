package io.audience.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyChartTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void everyDayOfTheRangeIsAPointAndDaysWithoutEventsAreZero() {
        ChartView chart = DailyChart.of(TODAY, 90, Map.of(TODAY, 7), Map.of(TODAY.minusDays(89), 2), Map.of());

        assertThat(chart.firstDay()).isEqualTo("2026-09-08");
        assertThat(chart.lastDay()).isEqualTo("2026-12-06");
        assertThat(chart.series())
                .extracting(ChartView.Series::name)
                .containsExactly("Sign-ups", "Opt-outs", "Deletions");
        assertThat(chart.series())
                .allSatisfy(s -> assertThat(s.points().split(" ")).hasSize(90));
        assertThat(chart.series()).extracting(ChartView.Series::total).containsExactly(7, 2, 0);
        assertThat(chart.days()).hasSize(90);
        assertThat(chart.days().get(0)).isEqualTo(new ChartView.Day("2026-12-06", 7, 0, 0));
        assertThat(chart.days().get(89)).isEqualTo(new ChartView.Day("2026-09-08", 0, 2, 0));
        assertThat(chart.days().get(45)).isEqualTo(new ChartView.Day("2026-10-22", 0, 0, 0));
    }

    @Test
    void theBusiestDayReachesTheTopOfARoundedAxis() {
        ChartView chart = DailyChart.of(TODAY, 90, Map.of(TODAY, 7), Map.of(), Map.of());

        assertThat(chart.yTicks()).extracting(ChartView.Tick::label).containsExactly("0", "", "5", "", "10");
        String last = chart.series()
                .get(0)
                .points()
                .substring(chart.series().get(0).points().lastIndexOf(' ') + 1);
        assertThat(last).as("x at the right edge, y at 7/10 of the height").isEqualTo("884.0,82.0");
    }

    @Test
    void axisTopsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(DailyChart.niceTop(0)).isEqualTo(4);
        assertThat(DailyChart.niceTop(7)).isEqualTo(10);
        assertThat(DailyChart.niceTop(11)).isEqualTo(20);
        assertThat(DailyChart.niceTop(42)).isEqualTo(50);
        assertThat(DailyChart.niceTop(100)).isEqualTo(100);
        assertThat(DailyChart.niceTop(101)).isEqualTo(200);
    }
}

package io.paasruntime.cli.output;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparklineTest {

    @Test
    void scalesFromTheLowestToTheHighestBar() {
        assertThat(Sparkline.draw(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), 60)).isEqualTo("▁▂▃▄▅▆▇█");
        assertThat(Sparkline.draw(List.of(10.0, 20.0, 10.0), 60)).isEqualTo("▁█▁");
    }

    @Test
    void drawsAFlatSeriesLowWhenIdleAndMidWhenBusy() {
        assertThat(Sparkline.draw(List.of(0.0, 0.0, 0.0), 60)).isEqualTo("▁▁▁");
        assertThat(Sparkline.draw(List.of(5.0, 5.0), 60)).isEqualTo("▄▄");
    }

    @Test
    void showsMissingSamplesAsGaps() {
        assertThat(Sparkline.draw(Arrays.asList(1.0, Double.NaN, null, 2.0), 60)).isEqualTo("▁  █");
    }

    @Test
    void averagesLongSeriesIntoTheWidth() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            values.add(i < 60 ? 0.0 : 10.0);
        }
        String line = Sparkline.draw(values, 60);
        assertThat(line).hasSize(60).startsWith("▁".repeat(30)).endsWith("█".repeat(30));
    }

    @Test
    void drawsNothingForAnEmptySeriesAndRefusesZeroWidth() {
        assertThat(Sparkline.draw(List.of(), 10)).isEmpty();
        assertThatThrownBy(() -> Sparkline.draw(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressLineShowsPercentAndSizes() {
        assertThat(ProgressBar.line("Uploading", 512, 2048))
                .isEqualTo("Uploading  [######                  ]  25%  512 B / 2.0 KB");
        assertThat(ProgressBar.line("Uploading", 0, 0)).contains("100%");
    }
}

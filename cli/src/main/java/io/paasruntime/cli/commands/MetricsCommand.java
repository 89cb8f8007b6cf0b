package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.Sizes;
import io.paasruntime.cli.output.Sparkline;
import io.paasruntime.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "metrics", description = "Show a metric over time as a sparkline per process type.")
public final class MetricsCommand extends ApiCommand {
    private static final int WIDTH = 60;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "cpu", description = "cpu, memory, restarts or requests (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--range", paramLabel = "RANGE", defaultValue = "1h", description = "How far back, e.g. 15m, 1h, 24h (default: ${DEFAULT-VALUE})")
    String range;

    @Override
    public Integer call() {
        String app = app(appOption);
        JsonNode m = ctx().api().get(ApiPath.of("v1", "apps", app, "metrics").query("kind", kind).query("range", range));
        if (json.json) {
            printJson(m);
            return 0;
        }
        String unit = m.get("unit").text();
        out().println("=== " + app + " " + m.get("kind").text(kind) + " (" + unit + "), last " + m.get("range").text(range)
                + ", one point per " + m.get("step_seconds").text("?") + "s");
        List<JsonNode> series = m.get("series").elements();
        if (series.isEmpty()) {
            out().println("no data yet");
            return 0;
        }
        Table table = new Table("PROCESS", "", "MIN", "AVG", "MAX", "LAST");
        for (JsonNode s : series) {
            List<Double> values = new ArrayList<>();
            for (JsonNode point : s.get("points").elements()) {
                List<JsonNode> pair = point.elements();
                values.add(pair.size() < 2 ? Double.NaN : pair.get(1).asDouble());
            }
            List<Double> present = values.stream().filter(v -> !v.isNaN()).toList();
            double min = present.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = present.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double avg = present.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double last = present.isEmpty() ? Double.NaN : present.get(present.size() - 1);
            table.row(s.get("process").text(), Sparkline.draw(values, WIDTH),
                    format(min, unit), format(avg, unit), format(max, unit), format(last, unit));
        }
        out().print(table.render());
        return 0;
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (unit) {
            case "percent" -> String.format(Locale.ROOT, "%.1f%%", v);
            case "bytes" -> Sizes.human(Math.round(v));
            default -> v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
        };
    }
}

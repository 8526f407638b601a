package it.cabina.portal;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core's default rules (the WCAG A and AA success criteria it can check automatically, and its best practices) run
 * on the page the browser shows. Violations of serious or critical impact block; the others are only listed, and so is
 * what axe-core could not decide (such as the contrast of text over an SVG chart).
 */
final class AccessibilityCheck {
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private AccessibilityCheck() {}

    record Violation(String page, String rule, String impact, String help, List<String> elements) {
        boolean blocking() { return BLOCKING.contains(impact); }

        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + " → " + String.join(" | ", elements);
        }
    }

    /** Every violation on the current page, named after the page. */
    static List<Violation> violations(WebDriver browser, String page) {
        Results results = new AxeBuilder().analyze(browser);
        if (results.isErrored()) throw new IllegalStateException("axe-core failed on " + page + ": " + results.getErrorMessage());
        if (results.getPasses().isEmpty()) throw new IllegalStateException("axe-core checked nothing on " + page);
        System.out.println("axe-core on " + page + ": " + results.getPasses().size() + " rules passed, "
                + results.getViolations().size() + " violated, " + results.getIncomplete().size() + " to check by hand");
        results.getIncomplete().forEach(rule -> System.out.println("  to check by hand: " + violation(page, rule)));
        return results.getViolations().stream().map(rule -> violation(page, rule)).toList();
    }

    /** The contrast ratio of two CSS colours as the browser computes them ("rgb(…)" or "rgba(…)", opaque), as WCAG defines it. */
    static double contrast(String cssColorA, String cssColorB) {
        double a = luminance(cssColorA), b = luminance(cssColorB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String cssColor) {
        String[] parts = cssColor.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static Violation violation(String page, Rule rule) {
        List<String> elements = rule.getNodes().stream().map(AccessibilityCheck::describe).collect(Collectors.toList());
        return new Violation(page, rule.getId(), String.valueOf(rule.getImpact()), rule.getHelp(), elements);
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : " — " + node.getFailureSummary().replace('\n', ' ');
        return node.getTarget() + summary;
    }
}

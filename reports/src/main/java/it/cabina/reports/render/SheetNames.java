package it.cabina.reports.render;

import java.util.List;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique within a workbook. */
final class SheetNames {
    private SheetNames() {}

    static String unique(String wanted, List<String> taken) {
        String base = wanted.replaceAll("[:\\\\/?*\\[\\]]", "-").strip();
        if (base.isEmpty()) base = "Foglio";
        if (base.length() > 31) base = base.substring(0, 31).strip();
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}

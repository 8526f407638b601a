package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.ModelFolder;
import it.cabina.warehouse.model.Models;

/**
 * The views of {@code model/gold/models.yaml} ({@code built_by: view}, e.g. {@code livelli}, the roll-up of territories),
 * registered over the gold tables and {@code run_parameters} already registered by name.
 */
public final class GoldViews {
    private GoldViews() {}

    public static void register(CabinaContext ctx) {
        ModelFolder gold = Models.gold();
        for (Model v : gold.views()) ctx.spark().sql(gold.sql(v)).createOrReplaceTempView(v.name());
    }
}

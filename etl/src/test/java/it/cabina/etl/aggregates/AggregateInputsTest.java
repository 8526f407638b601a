package it.cabina.etl.aggregates;

import it.cabina.warehouse.model.SqlModels;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which names an aggregate's SQL reads: what decides whether a night may keep it. */
class AggregateInputsTest {

    @Test
    void theFlussoAggregatesReadTheMonthlyServiceFactsAndTheLevelsOnly() {
        // the words of the comments ("first summed per Ambito…") and the with-clause names are not inputs
        assertEquals(Optional.of(Set.of("fact_service_month", "livelli")),
                SqlModels.namesRead(SqlModels.read("aggregates", "agg_prestazioni")));
        assertEquals(Optional.of(Set.of("fact_service_month", "livelli")),
                SqlModels.namesRead(SqlModels.read("aggregates", "agg_spesa")));
        assertEquals(Optional.of(Set.of("fact_case", "livelli", "semestri")),
                SqlModels.namesRead(SqlModels.read("aggregates", "agg_casi")));
    }

    @Test
    void subqueriesAndJoinsOfEveryKindAreFound() {
        assertEquals(Optional.of(Set.of("a", "b", "c", "d")), SqlModels.namesRead(
                "with x as (select * from a left join b on a.k = b.k) select * from x cross join c "
                        + "where exists (select 1 from d where d.k = x.k) group by x.k, x.j"));
    }

    @Test
    void whatCouldHideAnInputGivesNoAnswer() {
        assertEquals(Optional.empty(), SqlModels.namesRead("select * from fact_case f, livelli l"));
        assertEquals(Optional.empty(), SqlModels.namesRead("select * from fact_case as f , livelli"));
        assertEquals(Optional.empty(), SqlModels.namesRead("select * from `fact_case`"));
    }
}

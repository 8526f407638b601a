-- v_spesa_prestazioni: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per Ambito, year, service and spec_version of the FLUSSO deliveries that stand for its semesters, with the
-- expenditure (VIO-02: shelters and mother-and-child communities, services of contract 1.2).
-- grain: one row per Ambito, year, service and spec_version of the delivery
-- key: chiave_spesa
-- ambito_keys: chiave_spesa
-- columns: codice_ambito, chiave_spesa, anno, codice_prestazione, versione_tracciato, spesa_totale
select codice_ambito, concat(codice_ambito, ':', codice_prestazione, ':', versione_tracciato) as chiave_spesa, anno,
       codice_prestazione, versione_tracciato, sum(spesa_totale) as spesa_totale
from fact_service_month
group by codice_ambito, anno, codice_prestazione, versione_tracciato

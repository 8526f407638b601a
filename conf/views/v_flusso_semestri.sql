-- v_flusso_semestri: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per Ambito of the territory reference and semester of the triennium that has ended by the run date,
-- with whether a FLUSSO delivery of that Ambito for that semester was loaded, and which one stands for it (the latest).
-- grain: one row per Ambito of the territory reference and semester of the triennium ended by the run date
-- key: chiave_semestre
-- ambito_keys: chiave_semestre
-- record: consegna id_consegna
-- columns: codice_ambito, chiave_semestre, codice_semestre, anno, consegnato, id_consegna
with due as (
  select a.codice_ambito, s.codice_semestre, s.anno, s.data_inizio
  from ref_ambito a
  cross join dim_semester s
  cross join run_parameters p
  where s.anno between p.anno_dal and p.anno_al and s.data_fine < p.as_of
),
delivered as (
  select sender as codice_ambito, period_from, max_by(delivery_id, extracted_at) as id_consegna
  from ledger_deliveries
  where source = 'FLUSSO' and status = 'LOADED'
  group by sender, period_from
)
select d.codice_ambito, concat(d.codice_ambito, ':', d.codice_semestre) as chiave_semestre, d.codice_semestre, d.anno,
       l.codice_ambito is not null as consegnato, l.id_consegna
from due d
left join delivered l on l.codice_ambito = d.codice_ambito and l.period_from = d.data_inizio

-- v_dimissioni: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per protected discharge, in the year of its data_dimissione (a discharge not yet done counts in no year),
-- with its case's joint management with the ASST, and whether a SAD project that includes the discharge follows it
-- (SAD-04): a project of the same person in the same Ambito, with SAD and comprende_dimissione_protetta, active on the
-- day of the discharge or starting within 30 days after it.
-- grain: one row per protected discharge done, in the year of its data_dimissione
-- key: chiave_dimissione
-- ambito_keys: chiave_dimissione
-- record: dimissione chiave_dimissione
-- columns: codice_ambito, chiave_dimissione, pseudonimo, data_dimissibilita, data_dimissione, anno, giorni_attesa, destinazione, bisogno_servizi_sociali, servizi_attivati, necessita_sad, integrazione_informativa, collegata_a_caso, caso_integrata_asst, seguita_da_progetto_sad
with followed as (
  select distinct d.chiave_dimissione
  from fact_discharge d
  join fact_project p on p.codice_ambito = d.codice_ambito and p.pseudonimo = d.pseudonimo
   and array_contains(p.servizi, 'SAD') and coalesce(p.comprende_dimissione_protetta, false)
   and p.data_avvio <= date_add(d.data_dimissione, 30)
   and (p.data_chiusura is null or p.data_chiusura >= d.data_dimissione)
  where d.data_dimissione is not null
)
select d.codice_ambito, d.chiave_dimissione, d.pseudonimo, d.data_dimissibilita, d.data_dimissione, year(d.data_dimissione) as anno,
       d.giorni_attesa, d.destinazione,
       coalesce(d.bisogno_servizi_sociali, false) as bisogno_servizi_sociali,
       coalesce(d.servizi_attivati, false) as servizi_attivati,
       coalesce(d.necessita_sad, false) as necessita_sad,
       coalesce(d.integrazione_informativa, false) as integrazione_informativa,
       d.chiave_caso is not null as collegata_a_caso,
       coalesce(c.integrata_asst, false) as caso_integrata_asst,
       f.chiave_dimissione is not null as seguita_da_progetto_sad
from fact_discharge d
left join fact_case c on c.chiave_caso = d.chiave_caso
left join followed f on f.chiave_dimissione = d.chiave_dimissione
where d.data_dimissione is not null

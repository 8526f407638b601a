-- FLUSSO deliveries due per Ambito of the territory reference and semester ended by the run date, judged on the FIRST
-- loaded delivery of each semester (extracts.md §8.7, 1.1): on time when it was extracted within the deadline after the
-- semester's end, late when after it, missing when none came. Later FULL re-sends of a semester already delivered are
-- corrections (rettifiche), counted apart: they never make a semester late.
with due as (
  select a.codice_ambito, s.codice_semestre, s.data_inizio, s.data_fine
  from ref_ambito a join semestri s on s.data_fine < (select as_of from run_parameters)
),
received as (
  select sender, period_from, min(to_date(extracted_at)) as data_prima_consegna,
         count(distinct delivery_name) - 1 as rettifiche
  from ledger_deliveries where source = 'FLUSSO' and status = 'LOADED' group by sender, period_from
),
judged as (
  select d.codice_ambito, d.codice_semestre,
         r.data_prima_consegna is not null as ricevuta,
         r.data_prima_consegna is not null and r.data_prima_consegna <= date_add(d.data_fine, p.scadenza_flusso_giorni) as puntuale,
         coalesce(r.rettifiche, 0) as rettifiche
  from due d cross join run_parameters p
  left join received r on r.sender = d.codice_ambito and r.period_from = d.data_inizio
)
select j.codice_semestre, l.livello, l.territorio,
       count(*) as dovute,
       sum(case when ricevuta then 1 else 0 end) as ricevute,
       sum(case when puntuale then 1 else 0 end) as puntuali,
       sum(case when ricevuta and not puntuale then 1 else 0 end) as in_ritardo,
       sum(case when not ricevuta then 1 else 0 end) as mancanti,
       sum(case when rettifiche > 0 then 1 else 0 end) as rettificate,
       sum(rettifiche) as rettifiche
from judged j join livelli l on l.codice_ambito = j.codice_ambito
group by j.codice_semestre, l.livello, l.territorio

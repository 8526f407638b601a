-- FLUSSO deliveries due per Ambito of the territory reference and semester ended by the run date: received on time
-- (extracted within the deadline after the semester's end), late, or missing. The latest delivery of each
-- semester decides (a re-sent semester is judged by its last sending).
with due as (
  select a.codice_ambito, s.codice_semestre, s.data_inizio, s.data_fine
  from ref_ambito a join semestri s on s.data_fine < (select as_of from run_parameters)
),
received as (
  select sender, period_from, max(to_date(extracted_at)) as data_invio
  from ledger_deliveries where source = 'FLUSSO' and status = 'LOADED' group by sender, period_from
),
judged as (
  select d.codice_ambito, d.codice_semestre,
         r.data_invio is not null as ricevuta,
         r.data_invio is not null and r.data_invio <= date_add(d.data_fine, p.scadenza_flusso_giorni) as puntuale
  from due d cross join run_parameters p
  left join received r on r.sender = d.codice_ambito and r.period_from = d.data_inizio
)
select j.codice_semestre, l.livello, l.territorio,
       count(*) as dovute,
       sum(case when ricevuta then 1 else 0 end) as ricevute,
       sum(case when puntuale then 1 else 0 end) as puntuali,
       sum(case when ricevuta and not puntuale then 1 else 0 end) as in_ritardo,
       sum(case when not ricevuta then 1 else 0 end) as mancanti
from judged j join livelli l on l.codice_ambito = j.codice_ambito
group by j.codice_semestre, l.livello, l.territorio

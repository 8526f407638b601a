-- FLUSSO semesters of the triennium ended by the run date for which an Ambito of the territory reference has sent
-- nothing, with the day the delivery was due (the same deadline as agg_consegne).
with due as (
  select a.codice_ambito, s.codice_semestre, s.data_inizio,
         date_add(s.data_fine, p.scadenza_flusso_giorni) as scadenza, p.as_of
  from dim_ambito a
  cross join run_parameters p
  join dim_semester s on s.anno >= p.triennio_dal and s.data_fine < p.as_of
  where a.corrente and a.origine = 'RIFERIMENTO'
),
received as (
  select distinct sender, period_from from ledger_deliveries where source = 'FLUSSO' and status = 'LOADED'
)
select 'FLUSSO' as fonte, d.codice_ambito as mittente, d.codice_ambito, d.codice_semestre, d.scadenza,
       greatest(datediff(d.as_of, d.scadenza), 0) as giorni_ritardo
from due d left join received r on r.sender = d.codice_ambito and r.period_from = d.data_inizio
where r.sender is null
order by d.codice_semestre, d.codice_ambito

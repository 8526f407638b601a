-- FLUSSO semesters sent more than once: the first delivery decides punctuality (agg_consegne), the later FULL
-- re-sends are corrections (rettifiche), listed here with the day of the first delivery and of the last correction.
with loaded as (
  select sender, period_from, to_date(extracted_at) as data_invio, delivery_name
  from ledger_deliveries where source = 'FLUSSO' and status = 'LOADED'
),
per_semester as (
  select sender, period_from, min(data_invio) as prima_consegna, max(data_invio) as ultima_rettifica,
         count(distinct delivery_name) - 1 as rettifiche
  from loaded group by sender, period_from
)
select 'FLUSSO' as fonte, p.sender as codice_ambito, s.codice_semestre, p.prima_consegna, p.ultima_rettifica, p.rettifiche,
       p.prima_consegna <= date_add(s.data_fine, r.scadenza_flusso_giorni) as prima_puntuale
from per_semester p
join dim_semester s on s.data_inizio = p.period_from
cross join run_parameters r
where p.rettifiche > 0
order by s.codice_semestre, p.sender

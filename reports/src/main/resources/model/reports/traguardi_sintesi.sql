-- The Cronoprogramma above the Ambito: per milestone code, how many Ambiti below have it planned (not withdrawn from the
-- plan), have reached it, on time, and how many are overdue at the run date (planned date passed, not reached).
-- ALTRO gathers the Ambiti's own milestones (each described by its sender).
with outcome as (
  select m.codice_ambito, m.codice_traguardo, m.stato,
         m.stato = 'RAGGIUNTO' and m.data_raggiungimento <= m.data_prevista as nei_tempi,
         m.stato = 'PREVISTO' and m.data_prevista < p.as_of as scaduto
  from fact_milestone m cross join run_parameters p
)
select l.livello, l.territorio, o.codice_traguardo, coalesce(c.descrizione, o.codice_traguardo) as traguardo,
       count(distinct case when o.stato <> 'NON_PIU_PREVISTO' then o.codice_ambito end) as ambiti,
       count(distinct case when o.stato = 'RAGGIUNTO' then o.codice_ambito end) as raggiunto,
       count(distinct case when o.nei_tempi then o.codice_ambito end) as nei_tempi,
       count(distinct case when o.scaduto then o.codice_ambito end) as scaduti,
       count(distinct case when o.stato = 'NON_PIU_PREVISTO' then o.codice_ambito end) as non_piu_previsto
from outcome o
join livelli l on l.codice_ambito = o.codice_ambito and l.livello <> 'AMBITO'
left join dim_code c on c.lista = 'traguardo' and c.codice = o.codice_traguardo
group by l.livello, l.territorio, o.codice_traguardo, c.descrizione

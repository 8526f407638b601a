-- The Cronoprogramma of each Ambito: every milestone of the plan (contract 1.2) as it stands, with its outcome at the
-- run date: reached on time or late, still to reach (planned date not passed), overdue, or no longer planned.
-- A postponed milestone is judged against its current planned date and shows the first one.
select 'AMBITO' as livello, m.codice_ambito as territorio, m.id_traguardo, m.codice_traguardo,
       case when m.codice_traguardo = 'ALTRO' and m.descrizione is not null then m.descrizione
            else coalesce(ct.descrizione, m.codice_traguardo) end as traguardo,
       coalesce(t.descrizione, m.tema) as tema, m.data_prevista, m.data_prevista_iniziale, m.rinvii, m.stato,
       m.data_raggiungimento, m.atto,
       case when m.stato = 'NON_PIU_PREVISTO' then 'NON_PIU_PREVISTO'
            when m.stato = 'RAGGIUNTO' and m.data_raggiungimento <= m.data_prevista then 'NEI_TEMPI'
            when m.stato = 'RAGGIUNTO' then 'IN_RITARDO'
            when m.data_prevista < p.as_of then 'SCADUTO'
            else 'DA_RAGGIUNGERE' end as esito
from fact_milestone m
cross join run_parameters p
left join dim_code ct on ct.lista = 'traguardo' and ct.codice = m.codice_traguardo
left join dim_code t on t.lista = 'tema' and t.codice = m.tema

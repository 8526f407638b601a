-- Activities done (SVOLTA) in the semester by topic of the plan (attivita.tema, contract 1.2): how many, how many were
-- monitoring meetings, and how many have no known topic (sent under 1.0/1.1, or before the sender moved to 1.2:
-- tema NON_TRASMESSO). An activity falls in one semester: counted per Ambito first, then added up.
with activities as (
  select a.codice_ambito, coalesce(a.tema, 'NON_TRASMESSO') as tema, a.tipo_attivita, s.codice_semestre
  from fact_activity a join semestri s on a.data between s.data_inizio and s.data_fine
  where a.stato = 'SVOLTA'
),
per_ambito as (
  select codice_ambito, codice_semestre, tema,
         count(*) as attivita_svolte,
         count_if(tipo_attivita = 'INCONTRO_MONITORAGGIO') as incontri_monitoraggio
  from activities
  group by codice_ambito, codice_semestre, tema
)
select codice_semestre, l.livello, l.territorio, coalesce(tema, 'TOTALE') as tema,
       sum(attivita_svolte) as attivita_svolte,
       sum(incontri_monitoraggio) as incontri_monitoraggio,
       sum(case when tema = 'NON_TRASMESSO' then attivita_svolte else 0 end) as attivita_senza_tema
from per_ambito a join livelli l on l.codice_ambito = a.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, tema),
                        (codice_semestre, l.livello, l.territorio))

-- Projects active in the semester by type, and those including SAD.
-- A project is one row of fact_project and falls in a semester once: counted per Ambito first, then added up.
with projects as (
  select p.codice_ambito, p.tipo_progetto, array_contains(p.servizi, 'SAD') as con_sad, s.codice_semestre
  from fact_project p
  join semestri s on p.data_avvio <= s.data_fine and (p.data_chiusura is null or p.data_chiusura >= s.data_inizio)
),
per_ambito as (
  select codice_ambito, codice_semestre, tipo_progetto,
         count(*) as progetti_attivi, sum(case when con_sad then 1 else 0 end) as progetti_con_sad
  from projects
  group by codice_ambito, codice_semestre, tipo_progetto
)
select codice_semestre, l.livello, l.territorio, coalesce(tipo_progetto, 'TOTALE') as tipo_progetto,
       sum(progetti_attivi) as progetti_attivi,
       sum(progetti_con_sad) as progetti_con_sad
from per_ambito p join livelli l on l.codice_ambito = p.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, tipo_progetto), (codice_semestre, l.livello, l.territorio))

-- Projects active in the semester by type, and those including SAD.
with projects as (
  select p.codice_ambito, p.chiave_progetto, p.tipo_progetto, array_contains(p.servizi, 'SAD') as con_sad, s.codice_semestre
  from fact_project p
  join semestri s on p.data_avvio <= s.data_fine and (p.data_chiusura is null or p.data_chiusura >= s.data_inizio)
)
select codice_semestre, l.livello, l.territorio, coalesce(tipo_progetto, 'TOTALE') as tipo_progetto,
       count(distinct chiave_progetto) as progetti_attivi,
       count(distinct case when con_sad then chiave_progetto end) as progetti_con_sad
from projects p join livelli l on l.codice_ambito = p.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, tipo_progetto), (codice_semestre, l.livello, l.territorio))

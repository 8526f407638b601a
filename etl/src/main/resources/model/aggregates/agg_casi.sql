-- Cases by semester and area: persons with a case active in the semester, cases opened and closed in it.
with cases as (
  select c.codice_ambito, c.chiave_caso, c.pseudonimo, c.area_utenza, c.data_apertura, c.data_chiusura, s.codice_semestre,
         c.data_apertura between s.data_inizio and s.data_fine as aperto,
         coalesce(c.data_chiusura between s.data_inizio and s.data_fine, false) as chiuso
  from fact_case c
  join semestri s on c.data_apertura <= s.data_fine and (c.data_chiusura is null or c.data_chiusura >= s.data_inizio)
)
select codice_semestre, l.livello, l.territorio, coalesce(area_utenza, 'TOTALE') as area_utenza,
       count(distinct pseudonimo) as persone_attive,
       count(distinct case when aperto then chiave_caso end) as casi_aperti,
       count(distinct case when chiuso then chiave_caso end) as casi_chiusi
from cases c join livelli l on l.codice_ambito = c.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, area_utenza), (codice_semestre, l.livello, l.territorio))

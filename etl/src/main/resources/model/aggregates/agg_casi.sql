-- Cases by semester and area: persons with a case active in the semester, cases opened and closed in it.
-- A case is one row of fact_case and falls in a semester once, so its counts are plain counts; they are first summed
-- per Ambito, semester, area and person, and every level adds these up (a person stays one: distinct at the level).
with cases as (
  select c.codice_ambito, c.pseudonimo, c.area_utenza, s.codice_semestre,
         c.data_apertura between s.data_inizio and s.data_fine as aperto,
         coalesce(c.data_chiusura between s.data_inizio and s.data_fine, false) as chiuso
  from fact_case c
  join semestri s on c.data_apertura <= s.data_fine and (c.data_chiusura is null or c.data_chiusura >= s.data_inizio)
),
per_person as (
  select codice_ambito, codice_semestre, area_utenza, pseudonimo,
         sum(case when aperto then 1 else 0 end) as casi_aperti, sum(case when chiuso then 1 else 0 end) as casi_chiusi
  from cases
  group by codice_ambito, codice_semestre, area_utenza, pseudonimo
)
select codice_semestre, l.livello, l.territorio, coalesce(area_utenza, 'TOTALE') as area_utenza,
       count(distinct pseudonimo) as persone_attive,
       sum(casi_aperti) as casi_aperti,
       sum(casi_chiusi) as casi_chiusi
from per_person c join livelli l on l.codice_ambito = c.codice_ambito
group by grouping sets ((codice_semestre, l.livello, l.territorio, area_utenza), (codice_semestre, l.livello, l.territorio))

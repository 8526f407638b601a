-- Cases by semester and area: persons with a case active in the semester, cases opened and closed in it. A case is one
-- row of fact_case and falls in a semester once, so its counts are plain counts, summed per Ambito, semester, area and
-- person first. Persons are distinct at each level as in agg_spesa.sql (README, "Distinct persons at every level"): a
-- person with cases in one Ambito only in the semester is counted there and added up; the few with cases in several
-- Ambiti are counted as distinct persons at each level.
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
),
marked as (
  select p.*,
         pseudonimo is not null and min(codice_ambito) over (partition by pseudonimo, codice_semestre)
           <> max(codice_ambito) over (partition by pseudonimo, codice_semestre) as condiviso,
         pseudonimo is not null and row_number() over (partition by pseudonimo, codice_semestre order by codice_ambito, area_utenza) = 1 as primo
  from per_person p
),
compact as (
  select codice_ambito, codice_semestre, area_utenza, case when condiviso then pseudonimo end as pseudonimo_condiviso,
         sum(casi_aperti) as casi_aperti, sum(casi_chiusi) as casi_chiusi,
         count(pseudonimo) as persone, sum(case when primo then 1 else 0 end) as persone_una_volta
  from marked
  group by codice_ambito, codice_semestre, area_utenza, case when condiviso then pseudonimo end
)
select c.codice_semestre, l.livello, l.territorio, coalesce(c.area_utenza, 'TOTALE') as area_utenza,
       coalesce(case when grouping(c.area_utenza) = 0 then sum(case when c.pseudonimo_condiviso is null then c.persone end)
                     else sum(case when c.pseudonimo_condiviso is null then c.persone_una_volta end) end, 0)
         + count(distinct c.pseudonimo_condiviso) as persone_attive,
       sum(c.casi_aperti) as casi_aperti,
       sum(c.casi_chiusi) as casi_chiusi
from compact c join livelli l on l.codice_ambito = c.codice_ambito
group by grouping sets ((c.codice_semestre, l.livello, l.territorio, c.area_utenza), (c.codice_semestre, l.livello, l.territorio))

-- One row per calendar day, 2015-2035.
with days as (
  select explode(sequence(date'2015-01-01', date'2035-12-31', interval 1 day)) as data
),
described as (
  select data,
         year(data) as anno,
         case when month(data) <= 6 then 1 else 2 end as semestre,
         quarter(data) as trimestre,
         month(data) as mese,
         day(data) as giorno,
         dayofweek(data) as giorno_settimana
  from days
)
select data, anno, semestre,
       concat(cast(anno as string), '-S', cast(semestre as string)) as codice_semestre,
       trimestre, mese, giorno, giorno_settimana
from described

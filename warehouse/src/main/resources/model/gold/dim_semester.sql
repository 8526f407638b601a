-- One row per semester: Y-S1 is January-June, Y-S2 July-December.
with semesters as (
  select codice_semestre, anno, semestre, min(data) as data_inizio, max(data) as data_fine
  from dim_date
  group by codice_semestre, anno, semestre
)
select s.codice_semestre, s.anno, s.semestre, s.data_inizio, s.data_fine,
       s.data_fine < p.as_of as concluso
from semesters s
cross join run_parameters p

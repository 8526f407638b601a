-- AFAM: units and places by unit type at the end of the semester (the versions valid after its last day's last
-- snapshot), and units opened, ceased and changed during it (extracts.md §5, 1.1): opened when a unit appears (for the
-- first time, or again after ceasing; not the units of the very first snapshot), ceased when a snapshot drops it,
-- changed only when its type or capacity changed (dim_unit's aperta, cessata, modificata).
with at_end as (
  select s.codice_semestre, u.codice_ambito, u.tipo_unita, u.codice_unita, u.posti
  from dim_unit u join semestri s on u.valido_dal <= s.data_fine and (u.valido_al is null or u.valido_al > s.data_fine)
),
events as (
  select s.codice_semestre, u.codice_ambito, u.tipo_unita, u.codice_unita,
         u.aperta and u.valido_dal between s.data_inizio and s.data_fine as aperta,
         u.cessata and u.valido_al between s.data_inizio and s.data_fine as cessata,
         u.modificata and u.valido_dal between s.data_inizio and s.data_fine as modificata
  from dim_unit u
  join semestri s on (u.valido_dal between s.data_inizio and s.data_fine) or (u.valido_al between s.data_inizio and s.data_fine)
),
unit_rows as (
  select codice_semestre, codice_ambito, tipo_unita, codice_unita, posti, false as aperta, false as cessata, false as modificata, true as alla_fine from at_end
  union all
  select codice_semestre, codice_ambito, tipo_unita, codice_unita, null, aperta, cessata, modificata, false from events
)
select r.codice_semestre, l.livello, l.territorio, coalesce(r.tipo_unita, 'TOTALE') as tipo_unita,
       count(distinct case when alla_fine then codice_unita end) as unita,
       coalesce(sum(case when alla_fine then posti end), 0) as posti,
       count(distinct case when aperta then codice_unita end) as aperte,
       count(distinct case when cessata then codice_unita end) as cessate,
       count(distinct case when modificata then codice_unita end) as modificate
from unit_rows r join livelli l on l.codice_ambito = r.codice_ambito
group by grouping sets ((r.codice_semestre, l.livello, l.territorio, r.tipo_unita), (r.codice_semestre, l.livello, l.territorio))

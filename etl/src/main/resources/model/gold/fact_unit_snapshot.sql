-- One row per AFAM snapshot and unit shown in it, with the unit's version and its capacity on that day.
with snap as (
  select CODICE_CUDES as codice_unita, data_snapshot, NR_POSTI as posti,
         row_number() over (partition by CODICE_CUDES, data_snapshot order by _line) as dup,
         _delivery_id as id_consegna
  from afam_unita_offerta
)
select s.data_snapshot, d.codice_semestre, s.codice_unita, u.chiave_unita,
       u.tipo_unita, u.utenza, s.posti, u.codice_istat, u.codice_ambito, u.codice_asst, u.codice_ats, s.id_consegna
from snap s
join dim_date d on d.data = s.data_snapshot
join dim_unit u on u.codice_unita = s.codice_unita
               and s.data_snapshot >= u.valido_dal
               and (u.valido_al is null or s.data_snapshot < u.valido_al)
where s.dup = 1

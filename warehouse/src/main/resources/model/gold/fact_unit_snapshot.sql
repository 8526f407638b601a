-- One row per AFAM snapshot and unit shown in it, with the unit's version and its capacity in that snapshot.
-- Snapshots are identified by their order (ordine_snapshot), so two snapshots of one day stay apart.
with snap as (
  select CODICE_CUDES as codice_unita, ordine_snapshot, data_snapshot, _extracted_at as istante_snapshot, NR_POSTI as posti,
         row_number() over (partition by CODICE_CUDES, ordine_snapshot order by _line) as dup,
         _delivery_id as id_consegna
  from afam_unita_offerta
)
select s.data_snapshot, s.istante_snapshot, s.ordine_snapshot, d.codice_semestre, s.codice_unita, u.chiave_unita,
       u.tipo_unita, u.utenza, s.posti, u.codice_istat, u.codice_ambito, u.codice_asst, u.codice_ats, s.id_consegna
from snap s
join dim_date d on d.data = s.data_snapshot
join dim_unit u on u.codice_unita = s.codice_unita
               and s.ordine_snapshot between u.ordine_snapshot_dal and u.ordine_snapshot_al
where s.dup = 1

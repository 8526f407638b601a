-- One row per version of a social service unit (AFAM, type 2). A version starts at the first snapshot that shows
-- the unit, or that shows it with another type, capacity, name, manager, place or Ambito, or that shows it again
-- after it was missing; it ends (valido_al, exclusive) at the next snapshot that does not show it like that.
with snap_rows as (
  select CODICE_CUDES as codice_unita, data_snapshot,
         UNITA_OFFERTE_SOCIALI as tipo_unita, NR_POSTI as posti, DENOMINAZIONE_STRUTTURA as denominazione,
         COD_EG as codice_ente, DENOMINAZIONE_EG as denominazione_ente,
         afam_comune(COMUNE_DI_UBICAZIONE, PROV) as codice_istat, COMUNE_DI_UBICAZIONE as comune_afam, PROV as provincia,
         afam_ambito(AMBITO) as codice_ambito, AMBITO as ambito_afam, CODICE_ASST as codice_asst, CODICE_ATS as codice_ats,
         try_cast(replace(WGS84_Y, ',', '.') as double) as latitudine, try_cast(replace(WGS84_X, ',', '.') as double) as longitudine,
         row_number() over (partition by CODICE_CUDES, data_snapshot order by _line) as dup
  from afam_unita_offerta
),
snap as (
  select *, sha2(concat_ws('|', tipo_unita, cast(posti as string), denominazione, codice_ente, codice_istat,
                           comune_afam, codice_ambito, codice_asst, codice_ats), 256) as attr_hash
  from snap_rows where dup = 1
),
snapshots as (
  select data_snapshot,
         lag(data_snapshot) over (order by data_snapshot) as snapshot_precedente,
         lead(data_snapshot) over (order by data_snapshot) as snapshot_successivo
  from (select distinct data_snapshot from snap)
),
marked as (
  select s.*, g.snapshot_precedente, g.snapshot_successivo,
         case when lag(s.attr_hash) over (partition by s.codice_unita order by s.data_snapshot) is null
                or lag(s.attr_hash) over (partition by s.codice_unita order by s.data_snapshot) <> s.attr_hash
                or lag(s.data_snapshot) over (partition by s.codice_unita order by s.data_snapshot) <> g.snapshot_precedente
              then 1 else 0 end as inizio
  from snap s join snapshots g on g.data_snapshot = s.data_snapshot
),
numbered as (
  select *, sum(inizio) over (partition by codice_unita order by data_snapshot rows unbounded preceding) as versione
  from marked
),
versions as (
  select codice_unita, versione,
         min(data_snapshot) as valido_dal,
         max(data_snapshot) as ultimo_snapshot,
         max_by(snapshot_successivo, data_snapshot) as valido_al,
         min_by(struct(tipo_unita, posti, denominazione, codice_ente, denominazione_ente, codice_istat, comune_afam,
                       provincia, codice_ambito, ambito_afam, codice_asst, codice_ats, latitudine, longitudine), data_snapshot) as a
  from numbered
  group by codice_unita, versione
),
chained as (
  select *, lead(valido_dal) over (partition by codice_unita order by versione) as inizio_versione_successiva
  from versions
),
latest as (
  select max(data_snapshot) as ultimo from snap
)
select concat(v.codice_unita, '#', cast(v.versione as string)) as chiave_unita,
       v.codice_unita, v.versione,
       v.a.tipo_unita, coalesce(t.utenza, 'ALTRO') as utenza, v.a.posti, v.a.denominazione,
       v.a.codice_ente, v.a.denominazione_ente,
       v.a.codice_istat, v.a.comune_afam, v.a.provincia,
       v.a.codice_ambito, v.a.ambito_afam, v.a.codice_asst, v.a.codice_ats,
       v.a.latitudine, v.a.longitudine,
       v.valido_dal, v.valido_al,
       v.ultimo_snapshot = l.ultimo as corrente,
       v.valido_al is not null and (v.inizio_versione_successiva is null or v.inizio_versione_successiva <> v.valido_al) as cessata
from chained v
cross join latest l
left join (select afam_key(codice) as chiave_tipo, max(utenza) as utenza from ref_code where lista = 'tipo_unita_afam' group by afam_key(codice)) t
  on t.chiave_tipo = afam_key(v.a.tipo_unita)

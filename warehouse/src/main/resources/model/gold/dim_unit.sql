-- One row per version of a social service unit (AFAM, type 2). Snapshots are taken in their order (ordine_snapshot:
-- the whole extracted_at, then the delivery folder name), so two snapshots of the same day are two snapshots and the
-- later one is the registry at the end of that day. A version starts at the first snapshot that shows the unit, or
-- that shows it with another type, capacity, name, managing body, comune or Ambito, or that shows it again after it
-- was missing (extracts.md §5); it ends (valido_al, exclusive) on the day of the next snapshot that does not show it
-- like that. aperta: the version starts because the unit appears (for the first time after the very first snapshot,
-- or again after ceasing); modificata: because its type or capacity changed; cessata: the next snapshot drops it.
with snap_rows as (
  select CODICE_CUDES as codice_unita, ordine_snapshot, data_snapshot,
         UNITA_OFFERTE_SOCIALI as tipo_unita, NR_POSTI as posti, DENOMINAZIONE_STRUTTURA as denominazione,
         COD_EG as codice_ente, DENOMINAZIONE_EG as denominazione_ente,
         afam_comune(COMUNE_DI_UBICAZIONE, PROV) as codice_istat, COMUNE_DI_UBICAZIONE as comune_afam, PROV as provincia,
         afam_ambito(AMBITO) as codice_ambito, AMBITO as ambito_afam, CODICE_ASST as codice_asst, CODICE_ATS as codice_ats,
         try_cast(replace(WGS84_Y, ',', '.') as double) as latitudine, try_cast(replace(WGS84_X, ',', '.') as double) as longitudine,
         row_number() over (partition by CODICE_CUDES, ordine_snapshot order by _line) as dup
  from afam_unita_offerta
),
snap as (
  select *,
         -- what opens a new version; the comune's spelling counts only when it has no ISTAT code
         sha2(concat_ws('|', tipo_unita, cast(posti as string), denominazione, codice_ente,
                        coalesce(codice_istat, concat(comune_afam, '/', provincia)), codice_ambito), 256) as attr_hash,
         -- what makes a unit "changed" in the semiannual aggregates: its type or its capacity
         sha2(concat_ws('|', tipo_unita, coalesce(cast(posti as string), '')), 256) as tipo_posti_hash
  from snap_rows where dup = 1
),
snapshots as (
  select ordine_snapshot, data_snapshot,
         lag(ordine_snapshot) over (order by ordine_snapshot) as snapshot_precedente,
         lead(data_snapshot) over (order by ordine_snapshot) as data_snapshot_successivo
  from (select distinct ordine_snapshot, data_snapshot from snap)
),
marked as (
  select s.*, g.snapshot_precedente, g.data_snapshot_successivo,
         lag(s.ordine_snapshot) over w as ordine_precedente_unita,
         lag(s.attr_hash) over w as attr_hash_precedente,
         lag(s.tipo_posti_hash) over w as tipo_posti_hash_precedente
  from snap s join snapshots g on g.ordine_snapshot = s.ordine_snapshot
  window w as (partition by s.codice_unita order by s.ordine_snapshot)
),
started as (
  select *,
         case when ordine_precedente_unita is null or ordine_precedente_unita <> snapshot_precedente
                or attr_hash_precedente <> attr_hash then 1 else 0 end as inizio,
         (ordine_precedente_unita is null and snapshot_precedente is not null)
           or ordine_precedente_unita <> snapshot_precedente as apparsa,
         coalesce(ordine_precedente_unita = snapshot_precedente and tipo_posti_hash_precedente <> tipo_posti_hash, false) as tipo_posti_cambiati
  from marked
),
numbered as (
  select *, sum(inizio) over (partition by codice_unita order by ordine_snapshot rows unbounded preceding) as versione
  from started
),
versions as (
  select codice_unita, versione,
         min(ordine_snapshot) as ordine_snapshot_dal,
         max(ordine_snapshot) as ordine_snapshot_al,
         min(data_snapshot) as valido_dal,
         max_by(data_snapshot_successivo, ordine_snapshot) as valido_al,
         min_by(apparsa, ordine_snapshot) as aperta,
         min_by(tipo_posti_cambiati, ordine_snapshot) as modificata,
         min_by(struct(tipo_unita, posti, denominazione, codice_ente, denominazione_ente, codice_istat, comune_afam,
                       provincia, codice_ambito, ambito_afam, codice_asst, codice_ats, latitudine, longitudine), ordine_snapshot) as a
  from numbered
  group by codice_unita, versione
),
chained as (
  select *, lead(ordine_snapshot_dal) over (partition by codice_unita order by versione) as inizio_versione_successiva
  from versions
),
latest as (
  select max(ordine_snapshot) as ultimo from snap
)
select concat(v.codice_unita, '#', cast(v.versione as string)) as chiave_unita,
       v.codice_unita, v.versione,
       v.a.tipo_unita, coalesce(t.utenza, 'ALTRO') as utenza, v.a.posti, v.a.denominazione,
       v.a.codice_ente, v.a.denominazione_ente,
       v.a.codice_istat, v.a.comune_afam, v.a.provincia,
       v.a.codice_ambito, v.a.ambito_afam, v.a.codice_asst, v.a.codice_ats,
       v.a.latitudine, v.a.longitudine,
       v.valido_dal, v.valido_al,
       v.ordine_snapshot_dal, v.ordine_snapshot_al,
       v.ordine_snapshot_al = l.ultimo as corrente,
       v.ordine_snapshot_al < l.ultimo
         and (v.inizio_versione_successiva is null or v.inizio_versione_successiva <> v.ordine_snapshot_al + 1) as cessata,
       coalesce(v.aperta, false) as aperta,
       coalesce(v.modificata, false) as modificata
from chained v
cross join latest l
left join (select afam_key(codice) as chiave_tipo, max(utenza) as utenza from ref_code where lista = 'tipo_unita_afam' group by afam_key(codice)) t
  on t.chiave_tipo = afam_key(v.a.tipo_unita)

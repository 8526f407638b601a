-- Data quality: rows received, loaded and set aside per source and rule, by the semester the delivery belongs to
-- (FLUSSO: its period; CSI and AFAM: the date of extraction) and the territory the rows belong to. CSI and FLUSSO
-- rows belong to the sending Ambito. AFAM is sent by the Region for every unit: its rows belong to the Ambito the unit
-- declares when that name resolves to an Ambito (as it did for the units loaded with the same name), else to the
-- ASST it declares, else to the Region (extracts.md §5 and §8.8, 1.1). Rule TOTALE carries the received and loaded rows.
with deliveries as (
  select delivery_name, source, sender, coalesce(period_from, to_date(extracted_at)) as data_riferimento, files
  from ledger_deliveries where status = 'LOADED'
),
delivery_files as (
  select delivery_name, source, sender, data_riferimento, explode(files) as f from deliveries
),
files as (
  select d.delivery_name, d.source, d.sender, s.codice_semestre, d.f.received, d.f.loaded, d.f.set_aside
  from delivery_files d
  join semestri s on d.data_riferimento between s.data_inizio and s.data_fine
),
delivery_semesters as (
  select distinct delivery_name, codice_semestre from files
),
-- CSI and FLUSSO: the ledger's counts and the quarantine's rules, in the sending Ambito
sender_rows as (
  select codice_semestre, source, 'AMBITO' as livello_attribuzione, sender as territorio_attribuzione, 'TOTALE' as regola,
         received as righe_ricevute, loaded as righe_caricate, set_aside as righe_scartate
  from files where source <> 'AFAM'
  union all
  select f.codice_semestre, q.source, 'AMBITO', q.sender, q.rule, cast(null as bigint), cast(null as bigint), count(*)
  from quarantine q join delivery_semesters f on f.delivery_name = q.delivery_name
  where q.source <> 'AFAM'
  group by f.codice_semestre, q.source, q.sender, q.rule
),
-- AFAM: every row with the Ambito name and the ASST code it declares, loaded or set aside
afam_loaded as (
  select s.codice_semestre, a.AMBITO as ambito_dichiarato, a.CODICE_ASST as asst_dichiarata, count(*) as righe
  from afam_unita_offerta a join semestri s on a.data_snapshot between s.data_inizio and s.data_fine
  group by s.codice_semestre, a.AMBITO, a.CODICE_ASST
),
afam_set_aside as (
  select f.codice_semestre, q.ambito_dichiarato, q.asst_dichiarata, q.rule, count(*) as righe
  from quarantine q join delivery_semesters f on f.delivery_name = q.delivery_name
  where q.source = 'AFAM'
  group by f.codice_semestre, q.ambito_dichiarato, q.asst_dichiarata, q.rule
),
afam_rows as (
  select codice_semestre, ambito_dichiarato, asst_dichiarata, 'TOTALE' as regola,
         righe as righe_ricevute, righe as righe_caricate, cast(0 as bigint) as righe_scartate
  from afam_loaded
  union all
  select codice_semestre, ambito_dichiarato, asst_dichiarata, 'TOTALE', righe, cast(0 as bigint), righe from afam_set_aside
  union all
  select codice_semestre, ambito_dichiarato, asst_dichiarata, rule, cast(null as bigint), cast(null as bigint), righe from afam_set_aside
),
afam_names as (
  select distinct u.ambito_afam, u.codice_ambito
  from dim_unit u join dim_ambito a on a.codice_ambito = u.codice_ambito and a.corrente
),
asst_ats as (
  select codice as codice_asst, codice_padre as codice_ats from ref_authority where livello = 'ASST'
),
afam_attributed as (
  select r.codice_semestre, 'AFAM' as source,
         case when n.codice_ambito is not null then 'AMBITO' when h.codice_asst is not null then 'ASST' else 'REGIONE' end
           as livello_attribuzione,
         coalesce(n.codice_ambito, h.codice_asst, (select max(territorio) from livelli where livello = 'REGIONE'))
           as territorio_attribuzione,
         r.regola, r.righe_ricevute, r.righe_caricate, r.righe_scartate
  from afam_rows r
  left join afam_names n on n.ambito_afam = r.ambito_dichiarato
  left join asst_ats h on h.codice_asst = r.asst_dichiarata
),
-- every territory a row can be attributed to, with the territories it counts in
rollup as (
  select 'AMBITO' as livello_attribuzione, codice_ambito as territorio_attribuzione, livello, territorio from livelli
  union all
  select 'ASST', codice_asst, 'ASST', codice_asst from asst_ats
  union all
  select 'ASST', codice_asst, 'ATS', codice_ats from asst_ats
  union all
  select 'ASST', codice_asst, 'REGIONE', r.territorio from asst_ats cross join (select distinct territorio from livelli where livello = 'REGIONE') r
  union all
  select distinct 'REGIONE', territorio, 'REGIONE', territorio from livelli where livello = 'REGIONE'
),
all_rows as (
  select * from sender_rows union all select * from afam_attributed
)
select a.codice_semestre, l.livello, l.territorio, a.source as fonte, a.regola,
       sum(a.righe_ricevute) as righe_ricevute, sum(a.righe_caricate) as righe_caricate, sum(a.righe_scartate) as righe_scartate
from all_rows a
join rollup l on l.livello_attribuzione = a.livello_attribuzione and l.territorio_attribuzione = a.territorio_attribuzione
group by a.codice_semestre, l.livello, l.territorio, a.source, a.regola

-- Data quality: rows received, loaded and set aside per source and rule, by the semester the delivery belongs to
-- (FLUSSO: its period; CSI and AFAM: the date of extraction). Rule TOTALE carries the received and loaded rows.
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
totals as (
  select codice_semestre, source, sender, 'TOTALE' as regola, sum(received) as righe_ricevute, sum(loaded) as righe_caricate,
         sum(set_aside) as righe_scartate
  from files group by codice_semestre, source, sender
),
by_rule as (
  select f.codice_semestre, q.source, q.sender, q.rule as regola, cast(null as bigint) as righe_ricevute,
         cast(null as bigint) as righe_caricate, count(*) as righe_scartate
  from quarantine q join (select distinct delivery_name, codice_semestre from files) f on f.delivery_name = q.delivery_name
  group by f.codice_semestre, q.source, q.sender, q.rule
),
all_rows as (
  select * from totals union all select * from by_rule
)
select a.codice_semestre, l.livello, l.territorio, a.source as fonte, a.regola,
       sum(a.righe_ricevute) as righe_ricevute, sum(a.righe_caricate) as righe_caricate, sum(a.righe_scartate) as righe_scartate
from all_rows a join livelli l on l.codice_ambito = a.sender
group by a.codice_semestre, l.livello, l.territorio, a.source, a.regola

-- v_progetti_anno: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per project and year in which it is active (started on or before 31/12 of the year, not closed before
-- 1/1), with its case's area and the assessment it comes from: the project's own id_valutazione when that
-- assessment exists, else the case's latest assessment on or before data_avvio.
-- grain: one row per project and year in which it is active (started on or before 31/12, not closed before 1/1)
-- key: chiave_progetto
-- ambito_keys: chiave_progetto, chiave_caso
-- record: progetto chiave_progetto
-- columns: codice_ambito, chiave_progetto, chiave_caso, pseudonimo, tipo_progetto, data_avvio, data_chiusura, piano_unico_integrato, comprende_dimissione_protetta, ha_sad, area_utenza, val_non_autosufficiente, val_bisogno_assistenziale, anno
with years as (
  select explode(sequence(anno_dal, anno_al)) as anno from run_parameters
),
own_assessment as (
  select p.chiave_progetto, a.non_autosufficiente, a.bisogno_assistenziale
  from fact_project p join fact_assessment a on a.chiave_valutazione = p.chiave_valutazione
),
latest_assessment as (
  select p.chiave_progetto, a.non_autosufficiente, a.bisogno_assistenziale,
         row_number() over (partition by p.chiave_progetto
                            order by a.data_valutazione desc, a.aggiornato_il desc, a.chiave_valutazione desc) as rn
  from fact_project p join fact_assessment a on a.chiave_caso = p.chiave_caso and a.data_valutazione <= p.data_avvio
),
projects as (
  select p.codice_ambito, p.chiave_progetto, p.chiave_caso, p.pseudonimo, p.tipo_progetto, p.data_avvio, p.data_chiusura,
         coalesce(p.piano_unico_integrato, false) as piano_unico_integrato,
         coalesce(p.comprende_dimissione_protetta, false) as comprende_dimissione_protetta,
         array_contains(p.servizi, 'SAD') as ha_sad,
         c.area_utenza,
         coalesce(case when o.chiave_progetto is not null then o.non_autosufficiente else l.non_autosufficiente end, false) as val_non_autosufficiente,
         case when o.chiave_progetto is not null then o.bisogno_assistenziale else l.bisogno_assistenziale end as val_bisogno_assistenziale
  from fact_project p
  left join fact_case c on c.chiave_caso = p.chiave_caso
  left join own_assessment o on o.chiave_progetto = p.chiave_progetto
  left join latest_assessment l on l.chiave_progetto = p.chiave_progetto and l.rn = 1
)
select p.*, y.anno
from projects p
join years y on p.data_avvio <= make_date(y.anno, 12, 31)
            and (p.data_chiusura is null or p.data_chiusura >= make_date(y.anno, 1, 1))

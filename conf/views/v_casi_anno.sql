-- v_casi_anno: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per case and year in which it is active (opened on or before 31/12, not closed before 1/1), with whether
-- it closed that year (data_chiusura with motivo_chiusura) and whether its record is complete for SAD: an
-- assessment, a project with SAD, and a FLUSSO SAD record of the same person sent by the same Ambito in a month
-- between the case's opening and its closing; its access channel, joint management with the ASST and violence flag
-- (contract 1.2, null when unknown), and whether a PIPPI project of the case is active that year.
-- grain: one row per case and year in which it is active (opened on or before 31/12, not closed before 1/1)
-- key: chiave_caso
-- ambito_keys: chiave_caso
-- record: presa_in_carico chiave_caso
-- columns: codice_ambito, chiave_caso, pseudonimo, area_utenza, canale_accesso, integrata_asst, vittima_violenza, data_apertura, data_chiusura, anno, chiuso_nell_anno, ha_valutazione, ha_progetto_sad, ha_flusso_sad, ha_progetto_pippi
with years as (
  select explode(sequence(anno_dal, anno_al)) as anno from run_parameters
),
assessed as (
  select distinct chiave_caso from fact_assessment
),
sad_projects as (
  select distinct chiave_caso from fact_project where array_contains(servizi, 'SAD')
),
pippi_years as (
  select distinct p.chiave_caso, y.anno
  from fact_project p
  join years y on p.data_avvio <= make_date(y.anno, 12, 31) and (p.data_chiusura is null or p.data_chiusura >= make_date(y.anno, 1, 1))
  where p.tipo_progetto = 'PROGETTO_PIPPI'
),
sad_deliveries as (
  select distinct c.chiave_caso
  from fact_case c
  join fact_service_month f
    on f.codice_ambito = c.codice_ambito and f.pseudonimo = c.pseudonimo and f.codice_prestazione = 'SAD'
   and f.mese_inizio between trunc(c.data_apertura, 'MM') and coalesce(c.data_chiusura, date'9999-12-31')
)
select c.codice_ambito, c.chiave_caso, c.pseudonimo, c.area_utenza, c.canale_accesso, coalesce(c.integrata_asst, false) as integrata_asst,
       c.vittima_violenza, c.data_apertura, c.data_chiusura, y.anno,
       c.data_chiusura is not null and c.motivo_chiusura is not null and year(c.data_chiusura) = y.anno as chiuso_nell_anno,
       a.chiave_caso is not null as ha_valutazione,
       p.chiave_caso is not null as ha_progetto_sad,
       s.chiave_caso is not null as ha_flusso_sad,
       pp.chiave_caso is not null as ha_progetto_pippi
from fact_case c
join years y on c.data_apertura <= make_date(y.anno, 12, 31)
            and (c.data_chiusura is null or c.data_chiusura >= make_date(y.anno, 1, 1))
left join assessed a on a.chiave_caso = c.chiave_caso
left join sad_projects p on p.chiave_caso = c.chiave_caso
left join sad_deliveries s on s.chiave_caso = c.chiave_caso
left join pippi_years pp on pp.chiave_caso = c.chiave_caso and pp.anno = y.anno

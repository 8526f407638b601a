-- v_temi_anno: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per Ambito, year and topic of the plan (attivita.tema, contract 1.2) with at least one activity done that
-- year: how many activities were done on it, and how many of them were monitoring meetings (MON-01: an objective is
-- monitored when it had two or more). A topic counts once per Ambito: above the Ambito the rows add up.
-- grain: one row per Ambito, year and topic with activities done
-- key: chiave_tema
-- ambito_keys: chiave_tema
-- columns: codice_ambito, chiave_tema, anno, tema, attivita_svolte, incontri_monitoraggio
select codice_ambito, concat(codice_ambito, ':', tema) as chiave_tema, year(data) as anno, tema,
       count(*) as attivita_svolte,
       count_if(tipo_attivita = 'INCONTRO_MONITORAGGIO') as incontri_monitoraggio
from fact_activity
where stato = 'SVOLTA' and tema is not null
group by codice_ambito, tema, year(data)

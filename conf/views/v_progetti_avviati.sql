-- v_progetti_avviati: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per project, in the year of its data_avvio.
-- grain: one row per project, in the year of its data_avvio
-- key: chiave_progetto
-- ambito_keys: chiave_progetto, chiave_caso
-- record: progetto chiave_progetto
-- columns: codice_ambito, chiave_progetto, chiave_caso, pseudonimo, tipo_progetto, data_avvio, anno
select codice_ambito, chiave_progetto, chiave_caso, pseudonimo, tipo_progetto, data_avvio, year(data_avvio) as anno
from fact_project

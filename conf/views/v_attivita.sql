-- v_attivita: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per activity, in the year of its data, with its topic (contract 1.2; null when unknown) and the spec_version
-- of the delivery its current version came from.
-- grain: one row per activity (meeting, training, desk opening), in the year of its data
-- key: chiave_attivita
-- ambito_keys: chiave_attivita
-- record: attivita chiave_attivita
-- columns: codice_ambito, chiave_attivita, data, anno, tipo_attivita, stato, durata_ore, partecipanti, enti_coinvolti, ets_coinvolti, verbalizzata, tema, versione_tracciato
select codice_ambito, chiave_attivita, data, year(data) as anno, tipo_attivita, stato,
       durata_ore, partecipanti, enti_coinvolti, ets_coinvolti, coalesce(verbalizzata, false) as verbalizzata,
       tema, versione_tracciato
from fact_activity

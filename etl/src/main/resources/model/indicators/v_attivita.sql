-- One row per activity, in the year of its data.
select codice_ambito, chiave_attivita, data, year(data) as anno, tipo_attivita, stato,
       durata_ore, partecipanti, enti_coinvolti, ets_coinvolti, coalesce(verbalizzata, false) as verbalizzata
from fact_activity

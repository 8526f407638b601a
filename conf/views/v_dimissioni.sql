-- v_dimissioni: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per protected discharge, in the year of its data_dimissione (a discharge not yet done counts in no year).
-- grain: one row per protected discharge done, in the year of its data_dimissione
-- key: chiave_dimissione
-- ambito_keys: chiave_dimissione
-- record: dimissione chiave_dimissione
-- columns: codice_ambito, chiave_dimissione, pseudonimo, data_dimissibilita, data_dimissione, anno, giorni_attesa, destinazione, bisogno_servizi_sociali, servizi_attivati, necessita_sad, integrazione_informativa
select codice_ambito, chiave_dimissione, pseudonimo, data_dimissibilita, data_dimissione, year(data_dimissione) as anno,
       giorni_attesa, destinazione,
       coalesce(bisogno_servizi_sociali, false) as bisogno_servizi_sociali,
       coalesce(servizi_attivati, false) as servizi_attivati,
       coalesce(necessita_sad, false) as necessita_sad,
       coalesce(integrazione_informativa, false) as integrazione_informativa
from fact_discharge
where data_dimissione is not null

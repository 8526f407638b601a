-- One row per project, in the year of its data_avvio.
select codice_ambito, chiave_progetto, chiave_caso, pseudonimo, tipo_progetto, data_avvio, year(data_avvio) as anno
from fact_project

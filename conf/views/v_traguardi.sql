-- v_traguardi: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per milestone of the plan (contract 1.2), in the year of its current data_prevista (a postponed milestone
-- counts in the year it is now planned for, and is on time against that date), with whether it was reached on time.
-- grain: one row per milestone, in the year of its data_prevista
-- key: chiave_traguardo
-- ambito_keys: chiave_traguardo
-- record: traguardo chiave_traguardo
-- columns: codice_ambito, chiave_traguardo, anno, codice_traguardo, tema, stato, data_prevista, data_raggiungimento, nei_tempi
select codice_ambito, chiave_traguardo, year(data_prevista) as anno, codice_traguardo, tema, stato, data_prevista,
       data_raggiungimento,
       stato = 'RAGGIUNTO' and data_raggiungimento <= data_prevista as nei_tempi
from fact_milestone

-- The indicator values of the latest run (run ids sort by time).
select indicatore, anno, livello, territorio, numeratore, denominatore, valore, stato, regola, motivo, titolo, area, tipo,
       unita, run_id, data_riferimento
from indicator_values
where run_id = (select max(run_id) from indicator_values)

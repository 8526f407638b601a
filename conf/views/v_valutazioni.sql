-- v_valutazioni: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per assessment, in the year of its data_valutazione, with its case's condizione_complessa.
-- grain: one row per assessment, in the year of its data_valutazione
-- key: chiave_valutazione
-- ambito_keys: chiave_valutazione, chiave_caso
-- record: valutazione chiave_valutazione
-- columns: codice_ambito, chiave_valutazione, chiave_caso, pseudonimo, data_valutazione, anno, tipo_valutazione, strumento, strumento_condiviso, congiunta_asst, figure_professionali, bisogno_assistenziale, non_autosufficiente, misura, esito, obiettivo_raggiunto, caso_condizione_complessa
select a.codice_ambito, a.chiave_valutazione, a.chiave_caso, a.pseudonimo, a.data_valutazione, year(a.data_valutazione) as anno,
       a.tipo_valutazione, a.strumento, coalesce(a.strumento_condiviso, false) as strumento_condiviso,
       coalesce(a.congiunta_asst, false) as congiunta_asst, a.figure_professionali, a.bisogno_assistenziale,
       coalesce(a.non_autosufficiente, false) as non_autosufficiente, a.misura, a.esito,
       coalesce(a.obiettivo_raggiunto, false) as obiettivo_raggiunto,
       coalesce(c.condizione_complessa, false) as caso_condizione_complessa
from fact_assessment a
left join fact_case c on c.chiave_caso = a.chiave_caso

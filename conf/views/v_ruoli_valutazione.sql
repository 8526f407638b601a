-- v_ruoli_valutazione: a view the indicator catalogue (conf/indicators.yaml) reads by name.
-- One row per assessment and professional role, in the year of the assessment.
-- grain: one row per assessment and professional role present, in the year of the assessment
-- ambito_keys: chiave_valutazione
-- record: valutazione chiave_valutazione
-- columns: codice_ambito, chiave_valutazione, tipo_valutazione, figura_professionale, anno
select codice_ambito, chiave_valutazione, tipo_valutazione, figura_professionale, year(data_valutazione) as anno
from fact_assessment_role

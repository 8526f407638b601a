-- One row per assessment and professional role, in the year of the assessment.
select codice_ambito, chiave_valutazione, tipo_valutazione, figura_professionale, year(data_valutazione) as anno
from fact_assessment_role

-- One row per assessment and professional role present (figure_professionali).
with roles as (
  select codice_ambito, chiave_valutazione, data_valutazione, tipo_valutazione,
         explode(figure_professionali) as figura_professionale
  from fact_assessment
)
select distinct codice_ambito, chiave_valutazione, data_valutazione, tipo_valutazione, figura_professionale from roles

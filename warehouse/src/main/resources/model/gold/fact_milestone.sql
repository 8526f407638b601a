-- One row per milestone of the plan (traguardo, contract 1.2) in its current version, with its history: the planned
-- date it had first and every earlier planned date, and how many times it was postponed (a later data_prevista in a
-- later version). Withdrawn milestones count nowhere (silver keeps them with the reason).
with versions as (
  select _sender as codice_ambito, id_traguardo, data_prevista, aggiornato_il, _extracted_at, _line
  from csi_traguardi_versioni
),
history as (
  select codice_ambito, id_traguardo,
         min_by(data_prevista, struct(aggiornato_il, _extracted_at, _line)) as data_prevista_iniziale,
         array_sort(array_distinct(collect_list(data_prevista))) as date_previste
  from versions
  group by codice_ambito, id_traguardo
),
ordered as (
  select codice_ambito, id_traguardo, data_prevista,
         lag(data_prevista) over (partition by codice_ambito, id_traguardo order by aggiornato_il, _extracted_at, _line) as prevista_prima
  from versions
),
postponements as (
  select codice_ambito, id_traguardo, count_if(data_prevista > prevista_prima) as rinvii
  from ordered group by codice_ambito, id_traguardo
),
current as (
  select _sender as codice_ambito, concat(_sender, ':', id_traguardo) as chiave_traguardo, id_traguardo, codice_traguardo, tema,
         descrizione, data_prevista, stato, data_raggiungimento, atto, aggiornato_il,
         coalesce(_spec_version, '1.0') as versione_tracciato, _delivery_id as id_consegna, _line as riga
  from csi_traguardi
)
select c.codice_ambito, c.chiave_traguardo, c.id_traguardo, c.codice_traguardo, c.tema, c.descrizione, c.data_prevista, c.stato,
       c.data_raggiungimento, c.atto,
       coalesce(h.data_prevista_iniziale, c.data_prevista) as data_prevista_iniziale,
       filter(coalesce(h.date_previste, array()), d -> d <> c.data_prevista) as date_previste_precedenti,
       coalesce(p.rinvii, 0) as rinvii,
       c.aggiornato_il, c.versione_tracciato, c.id_consegna, c.riga
from current c
left join history h on h.codice_ambito = c.codice_ambito and h.id_traguardo = c.id_traguardo
left join postponements p on p.codice_ambito = c.codice_ambito and p.id_traguardo = c.id_traguardo

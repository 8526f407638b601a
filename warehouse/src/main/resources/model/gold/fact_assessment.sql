-- One row per assessment (valutazione) in its current version, with its case and person.
with assessments as (
  select v._sender as codice_ambito,
         concat(v._sender, ':', v.id_valutazione) as chiave_valutazione,
         concat(v._sender, ':', v.id_presa_in_carico) as chiave_caso,
         v.id_valutazione, v.id_presa_in_carico, c.pseudonimo,
         v.data_valutazione, v.tipo_valutazione, v.strumento, v.strumento_condiviso, v.congiunta_asst,
         v.figure_professionali, v.bisogno_assistenziale, v.non_autosufficiente, v.misura, v.esito,
         v.obiettivo_raggiunto, v.aggiornato_il,
         v._delivery_id as id_consegna, v._line as riga
  from csi_valutazioni v
  left join fact_case c on c.chiave_caso = concat(v._sender, ':', v.id_presa_in_carico)
)
select * from assessments

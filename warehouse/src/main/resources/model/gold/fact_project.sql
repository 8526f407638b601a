-- One row per individual project (progetto) in its current version, with its case and person.
with projects as (
  select p._sender as codice_ambito,
         concat(p._sender, ':', p.id_progetto) as chiave_progetto,
         concat(p._sender, ':', p.id_presa_in_carico) as chiave_caso,
         case when p.id_valutazione is not null then concat(p._sender, ':', p.id_valutazione) end as chiave_valutazione,
         p.id_progetto, p.id_presa_in_carico, p.id_valutazione, c.pseudonimo,
         p.tipo_progetto, p.data_avvio, p.data_fine_prevista, p.data_chiusura,
         p.piano_unico_integrato, coalesce(p.servizi, array()) as servizi, p.comprende_dimissione_protetta,
         p.aggiornato_il, p._delivery_id as id_consegna, p._line as riga
  from csi_progetti p
  left join fact_case c on c.chiave_caso = concat(p._sender, ':', p.id_presa_in_carico)
)
select * from projects

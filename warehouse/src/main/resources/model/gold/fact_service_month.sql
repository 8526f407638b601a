-- One row per Ambito, FLUSSO beneficiary, month, service, unit of measure and funding source: the FLUSSO records of
-- fact_service_delivery (several per beneficiary, service and month) summed. What reads FLUSSO per beneficiary reads
-- this instead of every record: dim_person, the SAD months of v_casi_anno, agg_prestazioni, agg_spesa. Written in
-- service order, so that a query on one service reads only the files that hold it (Delta keeps each file's minimum
-- and maximum). The sums keep the records' types (decimal(18,2) for money, decimal(18,4) for quantities), which Spark
-- would widen by 10 digits: one person's month never comes near 10^14.
select codice_ambito, anno, codice_semestre, mese_inizio, pseudonimo, codice_prestazione, unita_misura,
       fonte_finanziamento, versione_tracciato,
       count(*) as righe, cast(sum(quantita) as decimal(18,4)) as quantita,
       cast(sum(spesa_totale) as decimal(18,2)) as spesa_totale,
       cast(sum(quota_utente) as decimal(18,2)) as quota_utente, cast(sum(quota_ssn) as decimal(18,2)) as quota_ssn
from fact_service_delivery
group by codice_ambito, anno, codice_semestre, mese_inizio, pseudonimo, codice_prestazione, unita_misura,
         fonte_finanziamento, versione_tracciato
order by codice_prestazione, codice_ambito, pseudonimo, mese_inizio

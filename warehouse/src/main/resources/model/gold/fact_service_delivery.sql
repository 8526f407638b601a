-- One row per FLUSSO record of the delivery that currently stands for its Ambito and semester.
select _sender as codice_ambito,
       comune_erogazione, anno, semestre,
       concat(cast(anno as string), '-S', cast(semestre as string)) as codice_semestre,
       mese, make_date(anno, mese, 1) as mese_inizio,
       pseudonimo, codice_prestazione, codice_udo, unita_misura,
       quantita, spesa_totale, quota_utente, quota_ssn, fonte_finanziamento,
       coalesce(_spec_version, '1.0') as versione_tracciato,
       _delivery_id as id_consegna, _line as riga
from flusso_prestazioni

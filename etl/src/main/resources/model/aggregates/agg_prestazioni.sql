-- FLUSSO: quantities by service and unit of measure, and distinct beneficiaries, per semester.
select f.codice_semestre, l.livello, l.territorio,
       coalesce(f.codice_prestazione, 'TOTALE') as codice_prestazione, coalesce(f.unita_misura, 'TOTALE') as unita_misura,
       case when grouping(f.unita_misura) = 0 then sum(f.quantita) end as quantita,
       count(distinct f.pseudonimo) as beneficiari,
       count(*) as righe
from fact_service_delivery f join livelli l on l.codice_ambito = f.codice_ambito
group by grouping sets ((f.codice_semestre, l.livello, l.territorio, f.codice_prestazione, f.unita_misura),
                        (f.codice_semestre, l.livello, l.territorio))

-- Cabina, esportazione riservata: three questions in DuckDB, after the views of cabina.sql:
--   duckdb -init cabina.sql < esempi/duckdb.sql   (from the export's folder or a version's folder)

-- 1. Spesa sociale per Ambito e semestre (euro, FLUSSO), con i beneficiari distinti
SELECT codice_ambito, codice_semestre, sum(spesa_totale) AS spesa_totale, count(DISTINCT pseudonimo) AS beneficiari
FROM fact_service_delivery
GROUP BY ALL ORDER BY ALL;

-- 2. Persone con dimissioni protette per fascia d'età (età all'anno della dimissione)
SELECT CASE WHEN eta IS NULL THEN 'non nota' WHEN eta < 65 THEN '0-64' WHEN eta < 75 THEN '65-74'
            WHEN eta < 85 THEN '75-84' ELSE '85 e oltre' END AS fascia_eta,
       count(DISTINCT pseudonimo) AS persone, count(*) AS dimissioni
FROM (SELECT d.pseudonimo, year(d.data_dimissione) - p.anno_nascita AS eta
      FROM fact_discharge d LEFT JOIN dim_person p ON p.pseudonimo = d.pseudonimo
      WHERE d.data_dimissione IS NOT NULL)
GROUP BY ALL ORDER BY ALL;

-- 3. Andamento degli indicatori di un'ASST (Valle Olona, 030711) negli anni del triennio
SELECT indicatore, titolo, anno, numeratore, denominatore, valore, stato
FROM indicator_values
WHERE livello = 'ASST' AND territorio = '030711'
ORDER BY indicatore, anno;

-- One Ambito and one year read a fraction of the files' bytes (partitions by year, row groups sorted by Ambito):
-- EXPLAIN ANALYZE SELECT sum(spesa_totale) FROM fact_service_delivery WHERE anno = 2025 AND codice_ambito = 'AMB-SARONNO';

-- Cabina, esportazione riservata: three questions in Spark SQL, without Delta.
--   V=$(cat /srv/export/riservato/CURRENT); spark-sql -d cabina_export=/srv/export/riservato/$V -f spark.sql
CREATE OR REPLACE TEMPORARY VIEW fact_service_delivery USING parquet OPTIONS (path '${cabina_export}/fact_service_delivery');
CREATE OR REPLACE TEMPORARY VIEW fact_discharge USING parquet OPTIONS (path '${cabina_export}/fact_discharge');
CREATE OR REPLACE TEMPORARY VIEW dim_person USING parquet OPTIONS (path '${cabina_export}/dim_person');
CREATE OR REPLACE TEMPORARY VIEW indicator_values USING parquet OPTIONS (path '${cabina_export}/indicator_values');

-- 1. Spesa sociale per Ambito e semestre (euro: decimal(18,2), summed as decimal(28,2))
SELECT codice_ambito, codice_semestre, sum(spesa_totale) AS spesa_totale, count(DISTINCT pseudonimo) AS beneficiari
FROM fact_service_delivery GROUP BY codice_ambito, codice_semestre ORDER BY codice_ambito, codice_semestre;

-- 2. Persone con dimissioni protette per fascia d'età (età all'anno della dimissione)
SELECT CASE WHEN eta IS NULL THEN 'non nota' WHEN eta < 65 THEN '0-64' WHEN eta < 75 THEN '65-74'
            WHEN eta < 85 THEN '75-84' ELSE '85 e oltre' END AS fascia_eta,
       count(DISTINCT pseudonimo) AS persone, count(*) AS dimissioni
FROM (SELECT d.pseudonimo, year(d.data_dimissione) - p.anno_nascita AS eta
      FROM fact_discharge d LEFT JOIN dim_person p ON p.pseudonimo = d.pseudonimo
      WHERE d.data_dimissione IS NOT NULL) x
GROUP BY 1 ORDER BY 1;

-- 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
SELECT indicatore, titolo, anno, numeratore, denominatore, valore, stato FROM indicator_values
WHERE livello = 'ASST' AND territorio = '030711' ORDER BY indicatore, anno;

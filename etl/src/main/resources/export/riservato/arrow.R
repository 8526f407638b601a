# Cabina, esportazione riservata: three questions with R arrow (open_dataset) and dplyr.
#   CABINA_EXPORT=/srv/export/riservato Rscript arrow.R     (the current version of an export folder)
library(arrow)
library(dplyr)

root <- Sys.getenv("CABINA_EXPORT", ".")
version <- file.path(root, trimws(readLines(file.path(root, "CURRENT"), n = 1)))  # resolve once, keep it
table <- function(name) open_dataset(file.path(version, name))   # Hive partitions (anno=2025/) are detected

# 1. Spesa sociale per Ambito e semestre (euro), con i beneficiari distinti
table("fact_service_delivery") |>
  group_by(codice_ambito, codice_semestre) |>
  summarise(spesa_totale = sum(spesa_totale, na.rm = TRUE), beneficiari = n_distinct(pseudonimo)) |>
  arrange(codice_ambito, codice_semestre) |>
  collect() |> print(n = Inf)

# 2. Persone con dimissioni protette per fascia d'età (età all'anno della dimissione)
table("fact_discharge") |>
  filter(!is.na(data_dimissione)) |>
  left_join(table("dim_person") |> select(pseudonimo, anno_nascita), by = "pseudonimo") |>
  collect() |>
  mutate(eta = as.integer(format(data_dimissione, "%Y")) - anno_nascita,
         fascia_eta = cut(eta, c(-1, 64, 74, 84, 200), labels = c("0-64", "65-74", "75-84", "85 e oltre"))) |>
  group_by(fascia_eta) |>
  summarise(persone = n_distinct(pseudonimo), dimissioni = n()) |> print()

# 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
table("indicator_values") |>
  filter(livello == "ASST", territorio == "030711") |>
  select(indicatore, titolo, anno, valore, stato) |>
  arrange(indicatore, anno) |>
  collect() |> print(n = Inf)

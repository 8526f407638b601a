# Cabina, esportazione aperta: three questions with R arrow and dplyr.
#   CABINA_EXPORT=/srv/export/aperto Rscript arrow.R
library(arrow)
library(dplyr)

root <- Sys.getenv("CABINA_EXPORT", ".")
version <- file.path(root, trimws(readLines(file.path(root, "CURRENT"), n = 1)))
table <- function(name) open_dataset(file.path(version, paste0(name, ".parquet")))

# 1. Spesa sociale per Ambito e semestre (euro), con i beneficiari distinti (NA: meno di 3)
table("agg_spesa") |>
  filter(livello == "AMBITO", fonte_finanziamento == "TOTALE") |>
  select(territorio, codice_semestre, spesa_totale, beneficiari, valori_protetti) |>
  arrange(territorio, codice_semestre) |> collect() |> print(n = Inf)

# 2. Dimissioni protette per semestre e territorio, con l'attesa mediana
table("agg_dimissioni") |>
  filter(destinazione == "TOTALE") |>
  select(codice_semestre, livello, territorio, dimissioni, giorni_attesa_mediani) |>
  arrange(codice_semestre, livello, territorio) |> collect() |> print(n = Inf)

# 3. Andamento degli indicatori di un'ASST (030711) negli anni del triennio
table("indicator_values") |>
  filter(livello == "ASST", territorio == "030711") |>
  select(indicatore, titolo, anno, valore, stato) |>
  arrange(indicatore, anno) |> collect() |> print(n = Inf)

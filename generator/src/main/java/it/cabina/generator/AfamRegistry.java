package it.cabina.generator;

import it.cabina.warehouse.reference.CodeList;
import it.cabina.warehouse.reference.Territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic regional registry of social service units: units in the generated Ambiti and in a few Ambiti the
 * reference does not list, evolving from one snapshot to the next (units opened, ceased, capacity or type changed).
 * Types come from {@code conf/codelists/tipo_unita_afam.yaml}, plus two types that list does not have.
 */
final class AfamRegistry {
    /** Unit types the code list does not know: they load with target ALTRO and a warning. */
    static final List<String> UNLISTED_TYPES = List.of("SPAZIO GIOCO", "COMUNITA' DI PRONTA ACCOGLIENZA");
    private static final List<String> WORDS = List.of("IL GIRASOLE", "L'ARCOBALENO", "LA NUVOLA", "SAN GIUSEPPE",
            "CASA DEL SOLE", "IL MELOGRANO", "LA RONDINE", "IL SORRISO", "SERENA", "PICCOLI PASSI", "LA BUSSOLA",
            "IL SEME", "AGORA'", "SANTA CHIARA", "IL FARO", "LA QUERCIA", "MONDO PICCINO", "GLI AMICI", "VILLA ROSA");
    private static final List<String> STREETS = List.of("VIA ROMA", "VIA GARIBALDI", "VIA MAZZINI", "VIA MANZONI",
            "PIAZZA DELLA LIBERTA'", "VIA XX SETTEMBRE", "VIA DANTE ALIGHIERI", "CORSO ITALIA", "VIA GIUSEPPE VERDI",
            "VIA SAN FRANCESCO", "VIALE DELLA REPUBBLICA", "VIA CAVOUR", "VIA MATTEOTTI", "VIA DON MINZONI");
    private static final List<String> HAMLETS = List.of("SAN MARTINO", "CASCINA NUOVA", "MADONNA DEL BOSCO",
            "SANTO STEFANO", "VILLAGGIO FIORITO");

    final List<LocalDate> snapshots;
    private final List<AfamUnit> units = new ArrayList<>();
    private final Map<String, String> targetOfType = new LinkedHashMap<>();
    private int nextCudes;
    private int nextEnte;

    private AfamRegistry(List<LocalDate> snapshots) {
        this.snapshots = snapshots;
    }

    /** Builds the registry and its evolution; one snapshot per semester end in [from, to] (at least two). */
    static AfamRegistry build(Reference ref, List<Territory.Ambito> ambiti, Scale scale, LocalDate from, LocalDate to,
                              long seed) {
        List<LocalDate> dates = new ArrayList<>(Semester.endedBetween(from, to).stream().map(Semester::end).toList());
        if (dates.size() < 2 && !dates.contains(to)) dates.add(to);
        if (dates.size() < 2) dates.add(0, dates.get(0).minusMonths(6));
        AfamRegistry reg = new AfamRegistry(List.copyOf(dates));
        CodeList types = ref.codeLists.get("tipo_unita_afam");
        types.codes().forEach(c -> reg.targetOfType.put(c.code(), c.attribute("target") == null ? "ALTRO" : c.attribute("target")));
        Rand r = Rand.derive(seed, "afam");
        reg.nextCudes = r.between(10_000, 20_000);
        reg.nextEnte = r.between(1_000, 2_000);
        Territory t = ref.territory;
        for (Territory.Ambito a : ambiti) {
            Territory.HealthAuthority asst = t.authority(a.codiceAsst());
            int n = Math.max(2, (int) Math.round(scale.afamUnitsPerAmbito() * r.between(0.7, 1.3)));
            for (int i = 0; i < n; i++) {
                reg.addUnit(r, t, a.codice(), RegionalStyle.upper(a.denominazione()), asst, r.pick(a.comuni()), null, 0);
            }
        }
        for (OutsideAmbito o : OutsideAmbito.usable(t, scale.outsideAmbiti())) {
            for (int i = 0; i < scale.afamUnitsPerOutsideAmbito(); i++) {
                reg.addUnit(r, t, null, o.afamName(), t.authority(o.codiceAsst()), o.comuneIstat(), o.cap(), 0);
            }
        }
        for (int s = 1; s < dates.size(); s++) reg.evolve(r, t, s);
        return reg;
    }

    /** The units of a snapshot, in the export's order (ATS, ASST, Ambito, comune, unit code). */
    List<AfamUnit> unitsAt(int snapshot) {
        return units.stream().filter(u -> u.activeAt(snapshot))
                .sorted(Comparator.comparing((AfamUnit u) -> u.fixed.get("CODICE_ATS"))
                        .thenComparing(u -> u.fixed.get("CODICE_ASST"))
                        .thenComparing(u -> u.fixed.get("AMBITO"))
                        .thenComparing(u -> u.fixed.get("COMUNE_DI_UBICAZIONE"))
                        .thenComparing(u -> u.cudes))
                .toList();
    }

    /** Unit codes ever registered in an Ambito of the reference (any Ambito when null) whose type has this target. */
    List<String> cudesFor(String ambitoCode, String target) {
        return units.stream()
                .filter(u -> ambitoCode == null || ambitoCode.equals(u.ambitoCode))
                .filter(u -> target.equals(targetOfType.get(u.tipo(u.openedAt))))
                .map(u -> u.cudes).toList();
    }

    /** Whether the unit type is in {@code tipo_unita_afam}. */
    boolean listedType(String tipo) {
        return targetOfType.containsKey(tipo);
    }

    /** A unit code that no unit has (a FLUSSO {@code codice_udo} to warn about). */
    static String unknownCudes(Rand r) {
        return String.format(Locale.ROOT, "0%05d", r.between(95_000, 99_999));
    }

    private void evolve(Rand r, Territory t, int s) {
        List<AfamUnit> active = units.stream().filter(u -> u.activeAt(s - 1)).toList();
        boolean ceased = false, resized = false, retyped = false;
        for (AfamUnit u : active) {
            double x = r.nextDouble();
            if (x < 0.03) {
                u.ceasedAt = s;
                ceased = true;
            } else if (x < 0.08) {
                u.change(s, u.tipo(s - 1), resize(r, u.posti(s - 1)));
                resized = true;
            } else if (x < 0.095) {
                u.change(s, retype(r, u.tipo(s - 1)), u.posti(s - 1));
                retyped = true;
            }
        }
        List<AfamUnit> untouched = active.stream().filter(u -> u.activeAt(s) && u.tipo(s).equals(u.tipo(s - 1))
                && u.posti(s) == u.posti(s - 1)).toList();
        if (!ceased && !untouched.isEmpty()) untouched.get(0).ceasedAt = s;
        if (!resized && untouched.size() > 1) untouched.get(1).change(s, untouched.get(1).tipo(s - 1), resize(r, untouched.get(1).posti(s - 1)));
        if (!retyped && untouched.size() > 2) untouched.get(2).change(s, retype(r, untouched.get(2).tipo(s - 1)), untouched.get(2).posti(s - 1));
        int opened = Math.max(1, (int) Math.round(active.size() * 0.04));
        for (int i = 0; i < opened; i++) {
            AfamUnit model = r.pick(active);
            Territory.HealthAuthority asst = t.authority(model.fixed.get("CODICE_ASST"));
            addUnit(r, t, model.ambitoCode, model.fixed.get("AMBITO"), asst,
                    model.istat, model.ambitoCode == null ? model.fixed.get("CAP") : null, s);
        }
    }

    private static int resize(Rand r, int posti) {
        int delta = r.between(2, Math.max(3, posti / 4)) * (r.chance(0.65) ? 1 : -1);
        return Math.max(1, posti + delta);
    }

    private String retype(Rand r, String tipo) {
        return switch (tipo) {
            case "MICRONIDO" -> "ASILO NIDO";
            case "ASILO NIDO" -> "MICRONIDO";
            case "CENTRO DIURNI ANZIANI" -> "CENTRO DIURNO ANZIANI";
            case "CENTRO DIURNO ANZIANI" -> "CENTRO DIURNI ANZIANI";
            case "COMUNITA EDUCATIVA" -> "COMUNITA FAMILIARE";
            case "COMUNITA FAMILIARE" -> "COMUNITA EDUCATIVA";
            default -> {
                String target = targetOfType.getOrDefault(tipo, "ALTRO");
                List<String> same = targetOfType.entrySet().stream()
                        .filter(e -> e.getValue().equals(target) && !e.getKey().equals(tipo)).map(Map.Entry::getKey).toList();
                yield same.isEmpty() ? tipo : r.pick(same);
            }
        };
    }

    private String pickType(Rand r) {
        if (units.size() < UNLISTED_TYPES.size()) return UNLISTED_TYPES.get(units.size());
        if (r.chance(0.02)) return r.pick(UNLISTED_TYPES);
        List<String> all = new ArrayList<>(targetOfType.keySet());
        double[] w = new double[all.size()];
        for (int i = 0; i < w.length; i++) {
            String type = all.get(i);
            w[i] = type.equals("ASILO NIDO") ? 6 : switch (targetOfType.get(type)) {
                case "PRIMA_INFANZIA" -> 2;
                case "ANZIANI", "DISABILI" -> 2.5;
                default -> 1.5;
            };
        }
        return r.weighted(all, w);
    }

    private int capacity(Rand r, String tipo) {
        return switch (tipo) {
            case "ASILO NIDO" -> r.between(24, 60);
            case "MICRONIDO" -> r.between(6, 10);
            case "NIDO FAMIGLIA" -> 5;
            case "COMUNITA EDUCATIVA", "COMUNITA FAMILIARE", "COMUNITA ALLOGGIO DISABILI" -> r.between(5, 10);
            case "ALLOGGIO PER L'AUTONOMIA" -> r.between(3, 5);
            case "CENTRO RICREATIVO DIURNO" -> r.between(50, 150);
            default -> switch (targetOfType.getOrDefault(tipo, "ALTRO")) {
                case "ANZIANI" -> r.between(10, 40);
                case "DISABILI" -> r.between(15, 30);
                default -> r.between(10, 60);
            };
        };
    }

    private void addUnit(Rand r, Territory t, String ambitoCode, String ambitoName, Territory.HealthAuthority asst,
                         String istat, String cap, int snapshot) {
        Territory.Comune comune = t.comune(istat);
        Territory.HealthAuthority ats = t.authority(asst.codicePadre());
        String tipo = pickType(r);
        String cudes = String.format(Locale.ROOT, "0%05d", nextCudes);
        nextCudes += r.between(1, 37);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("CODICE_ATS", ats.codice());
        f.put("ATS", RegionalStyle.upper(ats.denominazione()));
        f.put("CODICE_ASST", asst.codice());
        f.put("ASST", RegionalStyle.upper(asst.denominazione()));
        f.put("AMBITO", ambitoName);
        putEnte(r, f, RegionalStyle.upper(comune.denominazione()));
        f.put("CODICE_CUDES", cudes);
        f.put("DENOMINAZIONE_STRUTTURA", unitName(r, tipo));
        f.put("PROV", comune.siglaProvincia());
        f.put("CAP", cap != null ? cap : RegionalStyle.cap(comune.siglaProvincia(), istat));
        f.put("COMUNE_DI_UBICAZIONE", RegionalStyle.upper(comune.denominazione()));
        f.put("FRAZIONE", r.chance(0.1) ? r.pick(HAMLETS) : "");
        String street = r.pick(STREETS);
        f.put("INDIRIZZO_STRUTTURA", street + (r.chance(0.7) ? ", " : " ") + r.between(1, 120));
        String prefix = RegionalStyle.phonePrefix(comune.siglaProvincia());
        f.put("TELEFONO_STRUTTURA", prefix + " " + r.between(100_000, 9_999_999));
        f.put("FAX_STRUTTURA", r.chance(0.35) ? prefix + " " + r.between(100_000, 9_999_999) : "");
        String slug = f.get("DENOMINAZIONE_STRUTTURA").replaceAll("[^A-Z]", "").toLowerCase(Locale.ROOT);
        slug = slug.substring(0, Math.min(16, slug.length()));
        f.put("EMAIL_STRUTTURA", r.chance(0.75) ? ("info@" + slug + ".it").toUpperCase(Locale.ROOT) : "");
        f.put("SITO_WEB_MAIL", r.chance(0.3) ? ("www." + slug + ".it").toUpperCase(Locale.ROOT) : "");
        double[] c = RegionalStyle.comuneCentre(comune.siglaProvincia(), istat);
        String lat = String.format(Locale.ROOT, "%.6f", c[0] + r.between(-0.01, 0.01));
        String lon = String.format(Locale.ROOT, "%.6f", c[1] + r.between(-0.01, 0.01));
        f.put("WGS84_Y", lat);
        f.put("WGS84_X", lon);
        f.put("location", "(" + lat + ", " + lon + ")");
        units.add(new AfamUnit(cudes, ambitoCode, istat, Map.copyOf(f), snapshot, tipo, capacity(r, tipo)));
    }

    private void putEnte(Rand r, Map<String, String> f, String comuneName) {
        int kind = r.nextInt(6);
        String word = r.pick(WORDS);
        String name = switch (kind) {
            case 0 -> "COMUNE DI " + comuneName;
            case 1 -> "COOPERATIVA SOCIALE \"" + word + "\" ONLUS";
            case 2 -> word + " SOCIETA' COOPERATIVA SOCIALE";
            case 3 -> "FONDAZIONE " + word + ", ONLUS";
            case 4 -> "ASSOCIAZIONE \"" + word + "\" ODV";
            default -> "PARROCCHIA DI " + r.pick("SAN MARTINO", "SANTA MARIA ASSUNTA", "SAN GIORGIO");
        };
        String cf = kind == 4 || kind == 5
                ? String.format(Locale.ROOT, "9%010d", r.between(0, 999_999_999))
                : String.format(Locale.ROOT, "%011d", r.between(1_000_000, 999_999_999));
        f.put("COD_EG", String.format(Locale.ROOT, "%06d", nextEnte));
        nextEnte += r.between(1, 9);
        f.put("DENOMINAZIONE_EG", name);
        f.put("CODICE_FISCALE_EG", cf);
        f.put("PARTITA_IVA_EG", kind == 4 || kind == 5 ? "" : cf);
    }

    private static String unitName(Rand r, String tipo) {
        String word = r.pick(WORDS);
        String prefix = switch (tipo) {
            case "CENTRO SOCIO EDUCATIVO" -> "CSE";
            case "SERVIZIO DI FORMAZIONE ALL'AUTONOMIA" -> "SFA";
            case "COMUNITA ALLOGGIO DISABILI" -> "CAD";
            case "COMUNITA ALLOGGIO SOCIALE ANZIANI" -> "C.A.S.A.";
            case "CENTRO DI AGGREGAZIONE GIOVANILE" -> "CAG";
            default -> tipo;
        };
        return r.chance(0.4) ? prefix + " \"" + word + "\"" : prefix + " " + word;
    }
}

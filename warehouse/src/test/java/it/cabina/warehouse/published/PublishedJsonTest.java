package it.cabina.warehouse.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The published JSON files keep today's keys (existing reports folders must keep reading), every type reads back what it
 * writes, and keys added by a later nightly do not stop an older portal.
 */
class PublishedJsonTest {
    static final ObjectMapper TREE = new ObjectMapper();
    /** Samples of today's files (src/test/resources/published) and the type each is. */
    static final Map<String, Class<?>> SAMPLES = Map.of(
            "index.json", ReportIndexFile.class,
            "stato.json", LoadStatus.class,
            "cruscotto.json", Dashboard.class,
            "confronto.json", Comparison.class,
            "esito.json", DeliveryEsito.class);

    @Test
    void todaysFilesAreReadWithEveryKeyAndWrittenBackWithTheSameKeys() throws Exception {
        for (Map.Entry<String, Class<?>> s : SAMPLES.entrySet()) {
            byte[] sample = sample(s.getKey());
            Object read = PublishedJson.read(sample, s.getValue());
            assertNoNulls(read, s.getKey());
            assertEquals(TREE.readTree(sample), TREE.readTree(PublishedJson.write(read)), s.getKey());
            // and in the same order and layout, so that a diff of two nightlies' files shows only what changed
            assertEquals(new String(sample, UTF_8).strip(), new String(PublishedJson.write(read), UTF_8).strip(), s.getKey());
        }
    }

    @Test
    void everyTypeWrittenWithEveryFieldSetReadsBackWhole() throws Exception {
        for (Class<?> type : SAMPLES.values()) {
            Object full = filled(type);
            assertNoNulls(full, type.getSimpleName());
            Object read = PublishedJson.read(PublishedJson.write(full), type);
            assertNoNulls(read, type.getSimpleName());
            assertEquals(full, read, type.getSimpleName());
        }
    }

    @Test
    void keysAddedLaterAreIgnored() throws Exception {
        for (Map.Entry<String, Class<?>> s : SAMPLES.entrySet()) {
            JsonNode tree = TREE.readTree(sample(s.getKey()));
            addKeyEverywhere(tree);
            Object withMore = PublishedJson.read(TREE.writeValueAsBytes(tree), s.getValue());
            assertEquals(PublishedJson.read(sample(s.getKey()), s.getValue()), withMore, s.getKey());
        }
    }

    @Test
    void anIndexWrittenBeforeFingerprintsIsReadWithoutThem() throws Exception {
        ObjectNode tree = (ObjectNode) TREE.readTree(sample("index.json"));
        tree.get("reports").forEach(e -> ((ObjectNode) e).remove("fingerprint"));
        ReportIndexFile old = PublishedJson.read(TREE.writeValueAsBytes(tree), ReportIndexFile.class);
        ReportIndexFile today = PublishedJson.read(sample("index.json"), ReportIndexFile.class);
        assertEquals(today.reports().size(), old.reports().size());
        for (int i = 0; i < old.reports().size(); i++) {
            assertNull(old.reports().get(i).fingerprint());
            assertEquals(today.reports().get(i).path(), old.reports().get(i).path());
        }
    }

    @Test
    void absentValuesAreWrittenAsNullNotLeftOut() throws IOException {
        LoadStatus noRun = new LoadStatus("2026-11-23T02:14:12Z", null, "2026-11-23", null, null, List.of(), List.of(), List.of());
        JsonNode json = TREE.readTree(PublishedJson.write(noRun));
        assertTrue(json.has("last_run") && json.get("last_run").isNull(), json.toString());
        assertTrue(json.has("last_load") && json.get("last_load").isNull(), json.toString());
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = PublishedJsonTest.class.getResourceAsStream("/published/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    static void addKeyEverywhere(JsonNode node) {
        if (node instanceof ObjectNode o) o.put("added_later", "x");
        node.forEach(PublishedJsonTest::addKeyEverywhere);
    }

    /** A value of the type with every field set, down to the elements of its lists. */
    static Object filled(Type type) throws Exception {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) return List.of(filled(p.getActualTypeArguments()[0]));
        Class<?> c = (Class<?>) type;
        if (c == String.class) return "testo";
        if (c == Integer.class || c == int.class) return 7;
        if (c == Long.class || c == long.class) return 7L;
        if (c == Double.class || c == double.class) return 0.25;
        if (c == Boolean.class || c == boolean.class) return true;
        assertTrue(c.isRecord(), "a published field of type " + c + ": add it here");
        RecordComponent[] components = c.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) values[i] = filled(components[i].getGenericType());
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return c.getDeclaredConstructor(types).newInstance(values);
    }

    static void assertNoNulls(Object value, String where) throws Exception {
        assertNotNull(value, where + " became null");
        if (value instanceof List<?> list) {
            assertFalse(list.isEmpty(), where + " became empty");
            for (int i = 0; i < list.size(); i++) assertNoNulls(list.get(i), where + "[" + i + "]");
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                assertNoNulls(c.getAccessor().invoke(value), where + "." + c.getName());
            }
        }
    }
}

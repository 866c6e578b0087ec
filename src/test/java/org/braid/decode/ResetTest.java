package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder reuses one {@link DecodedPacket} (and its {@link MptcpOption}s) for every frame, and
 * {@code reset} lists their fields a second time: a field it forgets keeps the previous packet's
 * value. Here every field is set to something else, by reflection, and reset must bring each back
 * to what a reset of a fresh object gives. The fixed-size arrays are exempt: their counts are reset.
 */
class ResetTest {
    @Test
    void resetClearsEveryFieldOfTheDecodedPacket() throws IllegalAccessException {
        DecodedPacket expected = new DecodedPacket();
        expected.reset(1, 2, 3, 4);
        DecodedPacket dirty = new DecodedPacket();
        List<Field> fields = mutableFields(DecodedPacket.class);
        for (Field field : fields) {
            setToSomethingElse(field, dirty, expected);
        }
        dirty.reset(1, 2, 3, 4);
        assertSameFields(fields, dirty, expected);
    }

    @Test
    void resetClearsEveryFieldOfAnMptcpOption() throws IllegalAccessException {
        MptcpOption expected = new MptcpOption();
        expected.reset();
        MptcpOption dirty = new MptcpOption();
        List<Field> fields = mutableFields(MptcpOption.class);
        for (Field field : fields) {
            setToSomethingElse(field, dirty, expected);
        }
        dirty.reset();
        assertSameFields(fields, dirty, expected);
    }

    /** The instance fields a decode writes: everything not final (the arrays are final). */
    private static List<Field> mutableFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())
                    && !field.isSynthetic()) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        assertThat(fields).as("fields of " + type.getSimpleName()).hasSizeGreaterThan(20);
        return fields;
    }

    private static void setToSomethingElse(Field field, Object target, Object reference) throws IllegalAccessException {
        Class<?> type = field.getType();
        if (type == int.class) {
            field.setInt(target, field.getInt(reference) + 7);
        } else if (type == long.class) {
            field.setLong(target, field.getLong(reference) + 7);
        } else if (type == boolean.class) {
            field.setBoolean(target, !field.getBoolean(reference));
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            Object current = field.get(reference);
            field.set(target, constants[0] == current ? constants[1] : constants[0]);
        } else {
            throw new AssertionError(field + ": a field type this test cannot vary; teach it");
        }
        assertThat(field.get(target)).as(field.getName()).isNotEqualTo(field.get(reference));
    }

    private static void assertSameFields(List<Field> fields, Object actual, Object expected) throws IllegalAccessException {
        List<String> forgotten = new ArrayList<>();
        for (Field field : fields) {
            if (!field.get(actual).equals(field.get(expected))) {
                forgotten.add(field.getName());
            }
        }
        assertThat(forgotten).as("fields reset leaves as they were").isEmpty();
    }
}
